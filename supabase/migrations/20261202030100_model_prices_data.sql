-- model_prices_data: hand-written data migration.
-- Today's catalog prices (ai.models' price columns) become each model's first price row, effective
-- from -infinity: they are the prices every call so far was charged. The catalog had no cache write
-- or reasoning price: cache writes start at the input price and reasoning at the output price (as
-- providers bill reasoning tokens). The local provider's models get an explicit zero price, so their
-- calls cost 0 rather than being unpriced. The columns stay on ai.models as a display mirror of the
-- price in force (ai.tg_model_prices_mirror); costs read ai.model_prices only.
insert into ai.model_prices (model_id, effective_from, input_per_mtok, cached_input_per_mtok, cache_write_per_mtok,
                             output_per_mtok, reasoning_per_mtok)
select m.id, '-infinity',
       case when p.adapter = 'local' then 0 else coalesce(m.input_price_per_mtok, 0) end,
       case when p.adapter = 'local' then 0 else coalesce(m.cached_input_price_per_mtok, 0) end,
       case when p.adapter = 'local' then 0 else coalesce(m.input_price_per_mtok, 0) end,
       case when p.adapter = 'local' then 0 else coalesce(m.output_price_per_mtok, 0) end,
       case when p.adapter = 'local' then 0 else coalesce(m.output_price_per_mtok, 0) end
from ai.models m
join ai.providers p on p.id = m.provider_id
on conflict (model_id, effective_from) do nothing;
