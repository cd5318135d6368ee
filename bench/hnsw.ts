// HNSW top-10 recall and speed against an exact scan on 100k memories (scripts/bench.sh,
// CL_BENCH_MODE=hnsw).
//
// Data (made once and reused while the database keeps it): an agent with a memory profile, and
// CL_BENCH_HNSW_ROWS (100,000) entries of agents.memories with 1536-dimension embeddings that have
// structure: CL_BENCH_HNSW_CLUSTERS (100) random centres (coordinates uniform in [-1, 1]), each entry
// a centre plus uniform noise in [-0.5, 0.5] scaled per dimension by its cluster's spread (0.5-1.5),
// so that neighbours are near each other as real embeddings of related texts are, not uniform noise
// where every point is as far as any other. The vectors are made in one set-based insert with the
// HNSW index dropped, and the index is
// then built again from its own definition (pg_get_indexdef: the schema's `using hnsw (embedding
// extensions.vector_cosine_ops)`, pgvector's defaults m = 16, ef_construction = 64), timed, with
// maintenance_work_mem 1GB so that the graph is built in memory.
//
// Measured: CL_BENCH_HNSW_QUERIES (50) query vectors drawn like the data (not in it), each asked
// `order by embedding <=> $q limit 10` once with index scans off (the exact answer, a sequential
// scan) and once through the index (sequential scans off: at a large ef_search the planner prices the
// index above the scan) at each hnsw.ef_search of CL_BENCH_HNSW_EF (40,80,120,200).
// recall@10 is the share of the exact top 10 the index returns; the speed ratio is the exact scan's
// median time over the index's. The reported setting is the smallest ef_search that reaches recall
// 0.95 (the largest tried when none does).
import postgres from "postgres";
import { createUser, stack } from "../tests/_support/stack.ts";
import { profiledAgent } from "../tests/_support/agents.ts";

const int = (name: string, fallback: number) => {
  const value = Number(Deno.env.get(name) ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
  return value;
};
const ROWS = int("CL_BENCH_HNSW_ROWS", 100_000);
const CLUSTERS = int("CL_BENCH_HNSW_CLUSTERS", 100);
const QUERIES = int("CL_BENCH_HNSW_QUERIES", 50);
const EFS = (Deno.env.get("CL_BENCH_HNSW_EF") ?? "40,80,120,200").split(",").map(Number);
if (EFS.some((e) => !Number.isInteger(e) || e < 1 || e > 1000)) throw new Error("CL_BENCH_HNSW_EF: integers 1..1000");
const OUT = Deno.env.get("CL_BENCH_RESULT");
const DIM = 1536;

const sql = postgres(stack.dbUrl, { max: 3, onnotice: () => {} });
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

try {
  const [have] = await sql<{ n: number }[]>`
    select count(*)::integer as n from agents.memories where metadata ? 'hnsw_bench'`;
  let buildSeconds: number | null = null;
  let genSeconds: number | null = null;
  if (have.n >= ROWS) {
    console.log(`hnsw: reusing ${have.n} bench memories`);
  } else {
    const owner = await createUser(sql, { handle: `hnsw-bench-${crypto.randomUUID().slice(0, 6)}` });
    const agent = await profiledAgent(sql, owner);
    const [idx] = await sql<{ def: string }[]>`
      select pg_get_indexdef(i.indexrelid) as def from pg_index i
      where i.indexrelid = 'agents.memories_embedding_hnsw'::regclass`;
    if (!idx) throw new Error("hnsw: agents.memories_embedding_hnsw is missing");
    console.log(`hnsw: index as the schema defines it: ${idx.def}`);
    await sql`drop index agents.memories_embedding_hnsw`;
    try {
      const t0 = performance.now();
      // Cluster centres and each cluster's spread (a per-dimension scale in [0.5, 1.5], so that no two
      // clusters have the same shape), kept in a table for the query vectors to be drawn from the same
      // distribution; and a pool of noise vectors. Entry i of cluster k is centre k + noise(i / k-count)
      // * spread k, with pgvector's own + and * (elementwise): every entry distinct, and made in C
      // rather than 1536 SQL expressions an entry.
      await sql`drop table if exists public.hnsw_bench_centres`;
      await sql`
        create table public.hnsw_bench_centres as
        select k, array(select random() * 2 - 1 from generate_series(1, ${DIM}) where k > 0)::float4[] as c,
               array(select 0.5 + random() from generate_series(1, ${DIM}) where k > 0)::float4[] as spread
        from generate_series(1, ${CLUSTERS}) k`;
      // Bench data only: nobody reads it through the API.
      await sql`alter table public.hnsw_bench_centres enable row level security`;
      await sql`revoke all on table public.hnsw_bench_centres from public, anon, authenticated, service_role`;
      const pool = Math.ceil(ROWS / CLUSTERS);
      const [model] = await sql<{ id: string }[]>`select ai.fn_local_embedding_model_id() as id`;
      await sql.begin(async (tx) => {
        await tx`set local synchronous_commit = off`;
        await tx`
          create temporary table hnsw_bench_noise on commit drop as
          select a, array(select (random() - 0.5) from generate_series(1, ${DIM}) where a >= 0)::extensions.vector as n
          from generate_series(0, ${pool - 1}) a`;
        await tx`
          insert into agents.memories (memory_profile_id, ai_lenser_id, scope, source, content, embedding, embedding_model_id, metadata)
          select ${agent.memoryProfileId}, ${agent.agentId}, 'agent', 'import', format('bench memory %s of cluster %s', g.i, g.k),
                 c.c::extensions.vector operator(extensions.+) (n.n operator(extensions.*) c.spread::extensions.vector),
                 ${model.id}, jsonb_build_object('hnsw_bench', g.k)
          from (select i, 1 + (i % ${CLUSTERS}) as k, i / ${CLUSTERS} as a from generate_series(0, ${ROWS - have.n - 1}) i) g
          join public.hnsw_bench_centres c on c.k = g.k
          join hnsw_bench_noise n on n.a = g.a`;
      });
      genSeconds = (performance.now() - t0) / 1000;
      console.log(`hnsw: made ${ROWS - have.n} memories in ${genSeconds.toFixed(1)} s`);
    } finally {
      const conn = await sql.reserve();
      try {
        await conn`set maintenance_work_mem = '1GB'`;
        const t1 = performance.now();
        await conn.unsafe(idx.def);
        buildSeconds = (performance.now() - t1) / 1000;
        console.log(`hnsw: index built in ${buildSeconds.toFixed(1)} s`);
      } finally {
        conn.release();
      }
    }
    await sql`analyze agents.memories`;
  }
  const [{ total }] = await sql<{ total: number }[]>`select count(*)::integer as total from agents.memories where embedding is not null`;

  // Query vectors: a random centre plus fresh noise of its spread, made in SQL and read back as text.
  const queries = (await sql<{ v: string }[]>`
    select ((select array_agg(c.c[j] + (random() - 0.5) * c.spread[j] order by j) from generate_series(1, ${DIM}) j)::extensions.vector)::text as v
    from (select 1 + floor(random() * ${CLUSTERS})::int as k from generate_series(1, ${QUERIES}) q) q
    join public.hnsw_bench_centres c on c.k = q.k`).map((r) => r.v);

  const conn = await sql.reserve();
  const topTen = async (v: string, exact: boolean, ef?: number) => {
    await conn`begin`;
    try {
      // The exact answer: no index. Through the index: no sequential scan either, since the planner
      // prices the index higher as ef_search grows and would fall back to the exact scan.
      await conn.unsafe(exact ? "set local enable_indexscan = off" : "set local enable_seqscan = off");
      if (ef) await conn.unsafe(`set local hnsw.ef_search = ${ef}`);
      const t = performance.now();
      const rows = await conn<{ id: string }[]>`
        select id from agents.memories order by embedding operator(extensions.<=>) ${v}::extensions.vector limit 10`;
      const ms = performance.now() - t;
      await conn`commit`;
      return { ms, ids: rows.map((r) => r.id) };
    } catch (e) {
      await conn`rollback`;
      throw e;
    }
  };
  // Both plans are what they claim to be.
  for (const [exact, want] of [[true, "Seq Scan"], [false, "memories_embedding_hnsw"]] as const) {
    await conn`begin`;
    await conn.unsafe(exact ? "set local enable_indexscan = off" : "set local enable_seqscan = off");
    await conn.unsafe(`set local hnsw.ef_search = ${Math.max(...EFS)}`);
    const plan = (await conn.unsafe(
      `explain select id from agents.memories order by embedding operator(extensions.<=>) $1::extensions.vector limit 10`,
      [queries[0]],
    )).map((r) => (r as unknown as { "QUERY PLAN": string })["QUERY PLAN"]).join("\n");
    await conn`rollback`;
    if (!plan.includes(want)) throw new Error(`hnsw: the ${exact ? "exact" : "index"} query does not use ${want}:\n${plan}`);
  }

  await topTen(queries[0], true); // warm: the table in shared buffers / the page cache
  await topTen(queries[0], false);
  const exact: { ms: number; ids: string[] }[] = [];
  for (const q of queries) exact.push(await topTen(q, true));
  const exactMs = median(exact.map((e) => e.ms));
  console.log(`hnsw: ${total} embeddings; exact scan: median ${exactMs.toFixed(2)} ms over ${queries.length} queries`);
  const sweep: { ef: number; recall: number; ms: number; speedup: number }[] = [];
  for (const ef of EFS) {
    let hits = 0;
    const times: number[] = [];
    for (let i = 0; i < queries.length; i++) {
      const r = await topTen(queries[i], false, ef);
      times.push(r.ms);
      const want = new Set(exact[i].ids);
      hits += r.ids.filter((id) => want.has(id)).length;
    }
    const recall = hits / (10 * queries.length);
    const ms = median(times);
    sweep.push({ ef, recall, ms, speedup: exactMs / ms });
    console.log(`hnsw: ef_search ${ef}: recall@10 ${recall.toFixed(3)}, median ${ms.toFixed(2)} ms, ${(exactMs / ms).toFixed(1)}x the exact scan`);
  }
  conn.release();
  const chosen = sweep.find((s) => s.recall >= 0.95) ?? sweep[sweep.length - 1];
  if (buildSeconds !== null) console.log(`hnsw: index build ${buildSeconds.toFixed(1)} s (maintenance_work_mem 1GB)`);
  console.log(`hnsw: chosen ef_search ${chosen.ef}`);
  console.log(`recall@10: ${chosen.recall.toFixed(3)} (target >= 0.95: ${chosen.recall >= 0.95 ? "met" : "NOT met"})`);
  console.log(`ratio (exact scan time / HNSW time): ${chosen.speedup.toFixed(1)} (target >= 20: ${chosen.speedup >= 20 ? "met" : "NOT met"})`);
  if (OUT) {
    await Deno.writeTextFile(OUT, JSON.stringify({ total, queries: queries.length, exactMs, buildSeconds, genSeconds, sweep, chosen }, null, 2));
  }
} finally {
  await sql.end({ timeout: 5 });
}
