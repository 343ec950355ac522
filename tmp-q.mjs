import pkg from 'node-sql-parser';
const p = new pkg.Parser();
const qs = [
 "select a from t where x > all (select y from u)",
 "select a from t where (select max(y) from u) < x",
 "select a from t cross join (select max(y) as w from u) as wm where t.x > wm.w",
 "with wm as (select max(y) as w from u) select a from t, wm where t.x > wm.w",
 "select a from t where x > coalesce((select max(y) from u), timestamp '1970-01-01 00:00:00')",
 "select a from t join (select max(y) as w from u) wm on t.x > wm.w",
 "select cast(x as timestamp(6) with time zone) from t",
 "select current_timestamp(6) as z, max(d) - interval '3' day from t",
 "select 1 from t as l where not exists (select 1 from u as v where v.id = l.id and v.ts > l.ts)",
];
for (const q of qs) { try { p.astify(q,{database:'trino'}); console.log('OK ', q);} catch(e){ console.log('ERR', q, e.message.slice(0,80)); } }
