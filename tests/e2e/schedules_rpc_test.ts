// The schedule RPCs through the gateway with supabase-js: what a client gets for each refusal (HTTP
// status and SQLSTATE), that a refusal changes nothing, and the happy path a frontend takes
// (create, preview, pause with a note, run now, list fires, resume, delete).
import { assert, assertEquals } from "../_support/assert.ts";
import { createUser, db, deleteUsers } from "../_support/stack.ts";
import { buildWorkflow } from "../_support/workflows.ts";

const opts = { sanitizeOps: false, sanitizeResources: false };

Deno.test({
  ...opts,
  name: "schedule RPCs answer refusals with the status a client expects and change nothing",
  async fn() {
    const sql = db();
    const owner = await createUser(sql);
    const stranger = await createUser(sql);
    try {
      const wf = await buildWorkflow(owner.client, {
        title: "scheduled through the API",
        nodes: [{ key: "only" }],
      });
      const count = async () =>
        (await sql<
          { n: number }[]
        >`select count(*)::int as n from lenses.workflow_schedules where workflow_id = ${wf.id}`)[0].n;

      const badCron = await owner.client.rpc("create_workflow_schedule", {
        p_workflow_id: wf.id,
        p_name: "Bad",
        p_cron_expression: "61 * * * *",
      });
      assertEquals([badCron.status, badCron.error?.code], [400, "22023"]);
      assert(badCron.error!.message.includes("p_cron_expression"), badCron.error!.message);
      const badZone = await owner.client.rpc("create_workflow_schedule", {
        p_workflow_id: wf.id,
        p_name: "Bad",
        p_cron_expression: "0 9 * * *",
        p_timezone: "Mars/Olympus",
      });
      assertEquals([badZone.status, badZone.error?.code], [400, "22023"]);
      assert(badZone.error!.message.includes("p_timezone"), badZone.error!.message);
      const foreign = await stranger.client.rpc("create_workflow_schedule", {
        p_workflow_id: wf.id,
        p_name: "Mine now",
        p_cron_expression: "0 9 * * *",
      });
      // Not found or not yours: PT404, which PostgREST answers with 404 (the message kept).
      assertEquals([foreign.status, foreign.error?.code], [404, "PT404"]);
      assertEquals(await count(), 0, "no refusal wrote a schedule");

      const created = await owner.client.rpc("create_workflow_schedule", {
        p_workflow_id: wf.id,
        p_name: "Mornings in Berlin",
        p_cron_expression: "30 9 * * 1-5",
        p_timezone: "Europe/Berlin",
      });
      assertEquals(created.error, null);
      const id = created.data!.id;
      const preview = await owner.client.rpc("preview_workflow_schedule", { p_schedule_id: id, p_count: 3 });
      assertEquals(preview.data?.length, 3);
      assert(preview.data!.every((p) => p.local_time.includes("T09:30:00")), JSON.stringify(preview.data));

      const paused = await owner.client.rpc("pause_workflow_schedule", {
        p_schedule_id: id,
        p_note: "holiday",
      });
      assertEquals(paused.data?.pause_note, "holiday");
      const pausedAgain = await owner.client.rpc("pause_workflow_schedule", { p_schedule_id: id });
      assertEquals([pausedAgain.status, pausedAgain.error?.code], [409, "23505"]);
      const strangerPause = await stranger.client.rpc("pause_workflow_schedule", { p_schedule_id: id });
      assertEquals([strangerPause.status, strangerPause.error?.code], [404, "PT404"]);

      const now = await owner.client.rpc("run_workflow_schedule_now", { p_schedule_id: id });
      assertEquals([now.data?.manual, now.data?.outcome], [true, "started"]);
      const fires = await owner.client.rpc("list_workflow_schedule_fires", { p_schedule_id: id });
      assertEquals(fires.data?.length, 1);

      const badBackfill = await owner.client.rpc("backfill_workflow_schedule", {
        p_schedule_id: id,
        p_from: new Date(Date.now() - 86_400_000).toISOString(),
        p_to: new Date(Date.now() + 86_400_000).toISOString(),
      });
      assertEquals([badBackfill.status, badBackfill.error?.code], [400, "22023"]);

      const resumed = await owner.client.rpc("resume_workflow_schedule", { p_schedule_id: id });
      assertEquals(resumed.data?.paused_at, null);
      const deleted = await owner.client.rpc("delete_workflow_schedule", { p_schedule_id: id });
      assertEquals(deleted.data?.id, id);
      assertEquals(await count(), 0);
    } finally {
      await sql`select lenses.fn_cancel_run(r.id, 'test cleanup', null) from lenses.workflow_runs r
                join lensers.profiles p on p.id = r.lenser_id
                where p.user_id = ${owner.id} and r.status not in ('completed', 'failed', 'cancelled', 'timed_out')`;
      await deleteUsers(sql, owner, stranger);
      await sql.end();
    }
  },
});
