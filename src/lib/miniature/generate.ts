// The synthetic shop: every write its application makes over the run, with the time each one
// was committed. Pure and deterministic: the same config gives the same timeline, which the
// DuckDB and the PostgreSQL source both replay.
import { DAY, HOUR, toEpochDay, type MiniatureConfig } from './config.ts';
import { pickChannel } from './evolution.ts';
import { createRandom, type Random } from './random.ts';

/** One written version of a customer row (times in epoch seconds, UTC). */
export interface CustomerVersion {
  customerId: number;
  email: string;
  fullName: string;
  countryCode: string;
  createdAt: number;
  updatedAt: number;
  /** When the write became visible to readers; later than updatedAt for slow transactions. */
  committedAt: number;
}

/** One written version of an order row (times in epoch seconds, UTC). */
export interface OrderVersion {
  orderId: number;
  customerId: number;
  status: string;
  currency: string;
  /** Order total in minor units (cents), so amounts stay exact. */
  totalCents: number;
  createdAt: number;
  updatedAt: number;
  committedAt: number;
  /**
   * Sales channel (web, app, marketplace), written only by the release that adds the column
   * (--evolve, see evolution.ts); null before it.
   */
  channel: string | null;
}

/** An order the application deleted, and when the delete committed (epoch seconds, UTC). */
export interface OrderDelete {
  orderId: number;
  committedAt: number;
}

/** Every write of the simulated application, in generation order. */
export interface Timeline {
  customers: CustomerVersion[];
  orders: OrderVersion[];
  /** Hard deletes of orders; empty unless the timeline was generated with deletes. */
  orderDeletes: OrderDelete[];
  /**
   * When the shop's release that adds orders.channel goes live (epoch seconds), or null when the
   * schema never changes; the sources run source-evolve.sql as their clock passes it.
   */
  releaseAt: number | null;
}

const COUNTRIES: ReadonlyArray<readonly [readonly [string, string], number]> = [
  [['DE', 'EUR'], 30],
  [['FR', 'EUR'], 15],
  [['NL', 'EUR'], 10],
  [['ES', 'EUR'], 8],
  [['GB', 'GBP'], 17],
  [['SE', 'SEK'], 8],
  [['US', 'USD'], 12],
];
const CURRENCY_BY_COUNTRY = new Map(COUNTRIES.map(([[country, currency]]) => [country, currency]));
const FIRST_NAMES = [
  'Anna',
  'Ben',
  'Chloé',
  'David',
  'Emma',
  'Farid',
  'Greta',
  'Hugo',
  'Ines',
  'Jonas',
  'Karin',
  'Liam',
  'Maja',
  'Noah',
  'Olga',
  'Pavel',
  'Rosa',
  'Sven',
  'Tariq',
  'Zoe',
];
const LAST_NAMES = [
  'Andersson',
  'Bakker',
  'Costa',
  'Dubois',
  'Evans',
  'Fischer',
  'García',
  'Hansen',
  'Ivanova',
  'Jensen',
  'Kowalski',
  'Lambert',
  'Müller',
  'Novak',
  'Okafor',
  'Smith',
];
const DOMAINS = ['example.com', 'example.org', 'mail.example.net'];

/** Commit lag: usually seconds; 3 % of writes sit in a long transaction for up to 3 hours. */
function pickCommitLag(random: Random): number {
  return random.chance(0.03) ? random.int(30 * 60, 3 * HOUR) : random.int(0, 5);
}

/** The legacy checkout writes some statuses in capitals ('PAID', 'Paid'); silver conforms them. */
function spellStatus(random: Random, status: string): string {
  if (!random.chance(0.04)) return status;
  return random.chance(0.5) ? status.toUpperCase() : status[0]!.toUpperCase() + status.slice(1);
}

interface CustomerState {
  id: number;
  version: CustomerVersion;
}

/** Make a customer's first version. */
function createCustomer(random: Random, id: number, createdAt: number): CustomerVersion {
  const [country] = random.weighted(COUNTRIES);
  const first = random.pick(FIRST_NAMES);
  const last = random.pick(LAST_NAMES);
  const local = `${first}.${last}${id}`.normalize('NFD').replace(/[^A-Za-z0-9.]/g, '');
  // Some sign-up forms keep the case the customer typed; silver lower-cases before hashing.
  const email = `${random.chance(0.05) ? local : local.toLowerCase()}@${random.pick(DOMAINS)}`;
  return {
    customerId: id,
    email,
    fullName: `${first} ${last}`,
    countryCode: random.chance(0.02) ? country.toLowerCase() : country,
    createdAt,
    updatedAt: createdAt,
    committedAt: createdAt + pickCommitLag(random),
  };
}

/** Every status an order goes through after `createdAt`, with the time of each change. */
function planLifecycle(random: Random, createdAt: number): Array<[string, number]> {
  const steps: Array<[string, number]> = [['created', createdAt]];
  if (random.chance(0.04)) return [...steps, ['cancelled', createdAt + random.int(600, 20 * HOUR)]];
  const paid = createdAt + random.int(120, 3 * HOUR);
  steps.push(['paid', paid]);
  if (random.chance(0.03)) return [...steps, ['cancelled', paid + random.int(HOUR, 30 * HOUR)]];
  const shipped = paid + random.int(6 * HOUR, 40 * HOUR);
  const delivered = shipped + random.int(18 * HOUR, 72 * HOUR);
  steps.push(['shipped', shipped], ['delivered', delivered]);
  if (random.chance(0.03)) steps.push(['refunded', delivered + random.int(DAY, 5 * DAY)]);
  return steps;
}

/**
 * The shop's clean-up job hard-deletes half of the cancelled orders, one to twelve hours after
 * the cancellation committed: rows a cursor extract can never see go. Drawn from a generator
 * of its own, so a timeline with deletes has exactly the versions of one without.
 */
export function planOrderDeletes(
  config: MiniatureConfig,
  orders: readonly OrderVersion[],
): OrderDelete[] {
  const random = createRandom(config.seed ^ 0x0de1e7e5);
  const end = toEpochDay(config.startDate) + config.days * DAY;
  const last = new Map<number, OrderVersion>();
  for (const v of orders) last.set(v.orderId, v);
  const deletes: OrderDelete[] = [];
  for (const v of last.values()) {
    if (v.status.toLowerCase() !== 'cancelled' || !random.chance(0.5)) continue;
    const committedAt = v.committedAt + random.int(HOUR, 12 * HOUR);
    if (committedAt < end) deletes.push({ orderId: v.orderId, committedAt });
  }
  return deletes;
}

/**
 * Generate the shop's writes from the day before the run to the end of its last day; with
 * `deletes`, also the clean-up job's hard deletes (see planOrderDeletes); with `releaseAt`,
 * versions written after that moment carry a sales channel.
 */
export function generateTimeline(
  config: MiniatureConfig,
  options: { deletes?: boolean; releaseAt?: number | null } = {},
): Timeline {
  const releaseAt = options.releaseAt ?? null;
  const random = createRandom(config.seed);
  const start = toEpochDay(config.startDate);
  const end = start + config.days * DAY;
  const customers: CustomerVersion[] = [];
  const orders: OrderVersion[] = [];
  const states: CustomerState[] = [];

  // Customers who signed up in the two years before the run, oldest first.
  const signups = Array.from(
    { length: config.customers },
    () => start - random.int(HOUR, 730 * DAY),
  );
  signups.sort((a, b) => a - b);
  for (const createdAt of signups) {
    const version = createCustomer(random, states.length + 1, createdAt);
    states.push({ id: version.customerId, version });
    customers.push(version);
  }

  let nextOrderId = 100_001;
  for (let d = 0; d < config.days; d++) {
    const dayStart = start + d * DAY;
    const existing = states.length; // customers who signed up before today can order today

    // Changes to existing customers: a new e-mail address or a move to another country.
    const changes = Math.round(config.customers * 0.004 * (0.8 + 0.4 * random.next()));
    for (let i = 0; i < changes; i++) {
      const state = states[random.int(0, existing - 1)]!;
      const previous = state.version;
      const updatedAt = Math.max(dayStart + random.int(0, DAY - 1), previous.committedAt + 1);
      if (updatedAt >= end) continue;
      const moved = random.chance(0.4);
      const [country] = moved ? random.weighted(COUNTRIES) : [previous.countryCode];
      const email = moved
        ? previous.email
        : `${previous.email.split('@')[0]!.toLowerCase()}@${random.pick(DOMAINS)}`;
      state.version = {
        ...previous,
        email,
        countryCode: country,
        updatedAt,
        committedAt: updatedAt + pickCommitLag(random),
      };
      customers.push(state.version);
    }

    // New customers.
    const newcomers = Math.round(config.customers * 0.01 * (0.8 + 0.4 * random.next()));
    const joinTimes = Array.from({ length: newcomers }, () => dayStart + random.int(0, DAY - 1));
    joinTimes.sort((a, b) => a - b);
    for (const createdAt of joinTimes) {
      const version = createCustomer(random, states.length + 1, createdAt);
      states.push({ id: version.customerId, version });
      customers.push(version);
    }

    // Orders placed today, each with its whole lifecycle; versions after the run are dropped.
    const count = Math.round(config.ordersPerDay * (0.85 + 0.3 * random.next()));
    const placed = Array.from({ length: count }, () => dayStart + random.int(0, DAY - 1));
    placed.sort((a, b) => a - b);
    for (const createdAt of placed) {
      // Skewed towards long-standing customers, who order more often.
      const customer = states[Math.floor(existing * random.next() ** 1.5)]!.version;
      const currency = CURRENCY_BY_COUNTRY.get(customer.countryCode.toUpperCase()) ?? 'EUR';
      const totalCents = Math.min(250_000, Math.max(199, Math.round(random.logNormal(4_500, 0.8))));
      const orderId = nextOrderId++;
      let committedBefore = 0;
      for (const [status, when] of planLifecycle(random, createdAt)) {
        // A change is written only after the previous one committed: versions stay in order.
        const updatedAt = Math.max(when, committedBefore + 1);
        if (updatedAt >= end) break;
        const committedAt = updatedAt + pickCommitLag(random);
        orders.push({
          orderId,
          customerId: customer.customerId,
          status: spellStatus(random, status),
          currency: random.chance(0.02) ? currency.toLowerCase() : currency,
          totalCents,
          createdAt,
          updatedAt,
          committedAt,
          // The channel is not drawn from the generator, so a timeline with the release has
          // exactly the versions of one without.
          channel: releaseAt !== null && updatedAt > releaseAt ? pickChannel(orderId) : null,
        });
        committedBefore = committedAt;
      }
    }
  }
  return {
    customers,
    orders,
    orderDeletes: options.deletes ? planOrderDeletes(config, orders) : [],
    releaseAt,
  };
}

/**
 * The timeline without these customers, their orders and the deletes of those orders: the
 * simulated source after a right-to-erasure request, so no later extract can bring them back.
 */
export function withoutCustomers(timeline: Timeline, customerIds: readonly number[]): Timeline {
  if (!customerIds.length) return timeline;
  const erased = new Set(customerIds);
  const orders = timeline.orders.filter((v) => !erased.has(v.customerId));
  const kept = new Set(orders.map((v) => v.orderId));
  return {
    ...timeline,
    customers: timeline.customers.filter((v) => !erased.has(v.customerId)),
    orders,
    orderDeletes: timeline.orderDeletes.filter((d) => kept.has(d.orderId)),
  };
}
