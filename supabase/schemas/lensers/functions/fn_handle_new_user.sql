-- Sign-up: every new auth user gets a human profile.
create or replace function lensers.fn_handle_new_user()
 returns trigger
 language plpgsql
 security definer
 set search_path to ''
as $function$
declare
  v_meta jsonb := coalesce(new.raw_user_meta_data, '{}'::jsonb);
  v_local text := nullif(split_part(coalesce(new.email, ''), '@', 1), '');
  v_display text;
begin
  v_display := left(btrim(coalesce(
    nullif(btrim(v_meta ->> 'display_name'), ''),
    nullif(btrim(v_meta ->> 'full_name'), ''),
    nullif(btrim(v_meta ->> 'name'), ''),
    v_local,
    'Lenser'
  )), 120);
  insert into lensers.profiles (user_id, handle, display_name, type)
  values (new.id, lensers.fn_available_handle(v_meta ->> 'handle', coalesce(v_local, v_display)), v_display, 'human');
  return new;
end
$function$;

revoke all on function lensers.fn_handle_new_user() from public;

create trigger on_auth_user_created after insert on auth.users for each row execute procedure lensers.fn_handle_new_user();
