-- Reads a standard five-field cron expression (minute hour day-of-month month day-of-week), fields
-- separated by spaces or tabs. Each field is a comma-separated list of items:
--   *          every value of the field
--   n          one value (months also JAN-DEC, weekdays also SUN-SAT, any case)
--   a-b        a range, a <= b (names allowed: MON-FRI, JAN-MAR)
--   */s, a-b/s every s-th value of the field, or of the range, starting at its first value
-- Weekdays are 0-7 with both 0 and 7 Sunday (5-7 is Friday to Sunday). A step needs * or a range
-- before it (5/15 is refused, as Vixie cron refuses it); steps are 1 up to the field's largest
-- value (59, 23, 31, 12, 7). Not supported, refused: @daily-style macros, L, W, #, ?, H, seconds.
-- any_day / any_weekday say the field is exactly *: the day rule of lenses.fn_next_schedule_fire
-- ORs the two day fields only when neither is. fixed_time: neither the minute nor the hour field
-- starts with * (the DST rules differ).
-- Never raises: what is wrong is in errors, one message per bad item, naming the field.
create or replace function lenses.fn_cron_parse(p_expression text)
 returns lenses.cron_fields
 language plpgsql
 immutable
 set search_path to ''
as $function$
declare
  c_names constant text[] := array['minute', 'hour', 'day-of-month', 'month', 'day-of-week'];
  c_min constant integer[] := array[0, 0, 1, 1, 0];
  c_max constant integer[] := array[59, 23, 31, 12, 7];
  c_ranges constant text[] := array['0-59', '0-23', '1-31', '1-12 or JAN-DEC', '0-7 or SUN-SAT'];
  c_months constant text[] := array['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
  c_days constant text[] := array['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];
  v_result lenses.cron_fields;
  v_errors text[] := '{}'::text[];
  v_fields text[];
  v_field text;
  v_item text;
  v_parts text[];
  v_masks bigint[] := array[0, 0, 0, 0, 0]::bigint[];
  v_mask bigint;
  v_lo integer;
  v_hi integer;
  v_step integer;
  v_v integer;
  v_bad text;
  v_where text;
begin
  if p_expression is null then
    v_result.errors := array['expression must not be null'];
    return v_result;
  end if;
  v_fields := pg_catalog.regexp_split_to_array(pg_catalog.btrim(p_expression, E' \t\r\n'), E'[ \t\r\n]+');
  if v_fields = array[''] then
    v_fields := '{}'::text[];
  end if;
  if coalesce(pg_catalog.array_length(v_fields, 1), 0) <> 5 then
    v_result.errors := array[pg_catalog.format('expression must have 5 fields, got %s',
      coalesce(pg_catalog.array_length(v_fields, 1), 0))];
    return v_result;
  end if;

  for v_i in 1 .. 5 loop
    v_field := v_fields[v_i];
    v_mask := 0;
    v_where := pg_catalog.format('%s field "%s"', c_names[v_i], v_field);
    if v_field = '*' then
      -- the common case, without the item loop: every value (weekdays 0-6)
      v_mask := ((1::bigint << (least(c_max[v_i], case v_i when 5 then 6 else 99 end) + 1)) - 1)
        & ~((1::bigint << c_min[v_i]) - 1);
    else
      foreach v_item in array pg_catalog.string_to_array(v_field, ',') loop
        v_bad := null;
        if v_item = '' then
          v_errors := v_errors || pg_catalog.format('%s: empty list item', v_where);
          continue;
        end if;
        -- split by hand: the regular expression engine is slow with capture groups
        v_parts := pg_catalog.string_to_array(v_item, '/');
        if pg_catalog.cardinality(v_parts) = 2 then
          v_step := pg_catalog.strpos(v_parts[1], '-');
          v_parts := case when v_step = 0 then array[v_parts[1], null, v_parts[2]]
                          else array[pg_catalog.left(v_parts[1], v_step - 1), pg_catalog.substr(v_parts[1], v_step + 1), v_parts[2]] end;
        elsif pg_catalog.cardinality(v_parts) = 1 then
          v_step := pg_catalog.strpos(v_item, '-');
          v_parts := case when v_step = 0 then array[v_item, null, null]
                          else array[pg_catalog.left(v_item, v_step - 1), pg_catalog.substr(v_item, v_step + 1), null] end;
        else
          v_parts := null;
        end if;
        -- each part: * (the first only, alone), digits or letters; the step digits
        if v_parts is null
           or not (v_parts[1] = '*' and v_parts[2] is null
                   or v_parts[1] <> '' and (pg_catalog.translate(v_parts[1], '0123456789', '') = ''
                                            or pg_catalog.translate(pg_catalog.upper(v_parts[1]), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', '') = ''))
           or not (v_parts[2] is null
                   or v_parts[2] <> '' and (pg_catalog.translate(v_parts[2], '0123456789', '') = ''
                                            or pg_catalog.translate(pg_catalog.upper(v_parts[2]), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', '') = ''))
           or not (v_parts[3] is null or v_parts[3] <> '' and pg_catalog.translate(v_parts[3], '0123456789', '') = '') then
          v_errors := v_errors || pg_catalog.format(
            '%s: "%s" is not a value, a range a-b, or a step */n or a-b/n', v_where, v_item);
          continue;
        end if;
        if v_parts[3] is not null and v_parts[1] <> '*' and v_parts[2] is null then
          v_errors := v_errors || pg_catalog.format(
            '%s: "%s" has a step without a range (write */%s or %s-%s/%s)', v_where, v_item,
            v_parts[3], v_parts[1], c_max[v_i], v_parts[3]);
          continue;
        end if;
        -- the values of the item: a name, a number, or * (the field's range)
        if v_parts[1] = '*' then
          v_lo := c_min[v_i];
          v_hi := c_max[v_i];
        else
          for v_v in 1 .. 2 loop
            if v_parts[v_v] is null then
              v_hi := v_lo;
              continue;
            end if;
            if pg_catalog.translate(v_parts[v_v], '0123456789', '') = '' then
              if pg_catalog.length(pg_catalog.ltrim(v_parts[v_v], '0')) > 4 then
                v_bad := pg_catalog.format('values must be %s', c_ranges[v_i]);
              else
                v_step := v_parts[v_v]::integer;
                if v_step < c_min[v_i] or v_step > c_max[v_i] then
                  v_bad := pg_catalog.format('values must be %s', c_ranges[v_i]);
                end if;
              end if;
            elsif v_i = 4 then
              v_step := pg_catalog.array_position(c_months, pg_catalog.upper(v_parts[v_v]));
              if v_step is null then
                v_bad := pg_catalog.format('unknown month name "%s" (JAN-DEC)', v_parts[v_v]);
              end if;
            elsif v_i = 5 then
              v_step := pg_catalog.array_position(c_days, pg_catalog.upper(v_parts[v_v])) - 1;
              if v_step is null then
                v_bad := pg_catalog.format('unknown day name "%s" (SUN-SAT)', v_parts[v_v]);
              end if;
            else
              v_bad := pg_catalog.format('"%s" is not a number (values must be %s)', v_parts[v_v], c_ranges[v_i]);
            end if;
            exit when v_bad is not null;
            if v_v = 1 then
              v_lo := v_step;
            else
              v_hi := v_step;
            end if;
          end loop;
          if v_bad is null and v_lo > v_hi then
            v_bad := pg_catalog.format('range %s runs backwards (write the smaller value first)', v_item);
          end if;
        end if;
        v_step := 1;
        if v_bad is null and v_parts[3] is not null then
          if pg_catalog.length(pg_catalog.ltrim(v_parts[3], '0')) > 4 or v_parts[3]::integer < 1 or v_parts[3]::integer > c_max[v_i] then
            v_bad := pg_catalog.format('steps must be 1-%s', c_max[v_i]);
          else
            v_step := v_parts[3]::integer;
          end if;
        end if;
        if v_bad is not null then
          v_errors := v_errors || pg_catalog.format('%s: %s', v_where, v_bad);
          continue;
        end if;
        v_v := v_lo;
        while v_v <= v_hi loop
          v_mask := v_mask | (1::bigint << (case when v_i = 5 then v_v % 7 else v_v end));
          v_v := v_v + v_step;
        end loop;
      end loop;
    end if;
    v_masks[v_i] := v_mask;
  end loop;

  v_result.errors := v_errors;
  if pg_catalog.cardinality(v_errors) = 0 then
    v_result.minutes := v_masks[1];
    v_result.hours := v_masks[2];
    v_result.days := v_masks[3];
    v_result.months := v_masks[4];
    v_result.weekdays := v_masks[5];
    v_result.any_day := v_fields[3] = '*';
    v_result.any_weekday := v_fields[5] = '*';
    v_result.fixed_time := pg_catalog.left(v_fields[1], 1) <> '*' and pg_catalog.left(v_fields[2], 1) <> '*';
  end if;
  return v_result;
end;
$function$;

comment on function lenses.fn_cron_parse(p_expression text) is 'Reads a five-field cron expression (minute hour day-of-month month day-of-week; *, n, a-b, */n, a-b/n, lists, JAN-DEC, SUN-SAT, 0 and 7 Sunday) into bit sets and flags; errors lists what is wrong, naming the field (empty when valid). Never raises.';

revoke all on function lenses.fn_cron_parse(p_expression text) from public;
grant execute on function lenses.fn_cron_parse(p_expression text) to anon, authenticated, service_role;
