import { createContext, useContext } from 'react';

/** What node components need from the map: the site base, hydration and key handling. */
export interface MapContextValue {
  base: string;
  hydrated: boolean;
  /** Open a component's panel. */
  select: (id: string) => void;
  /** Move focus along a flow with an arrow key; returns true when handled. */
  moveFocus: (from: string, key: string) => boolean;
}

export const MapContext = createContext<MapContextValue>({
  base: '/',
  hydrated: false,
  select: () => {},
  moveFocus: () => false,
});

export const useMap = () => useContext(MapContext);
