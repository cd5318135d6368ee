-- updated_at, kept by the database for every table that has one.
create or replace function lensers.tg_set_updated_at()
 returns trigger
 language plpgsql
 set search_path to ''
as $function$
begin
  new.updated_at := now();
  return new;
end
$function$;

revoke all on function lensers.tg_set_updated_at() from public;
