{#-
  amount_text(amount, is_money): an amount as text for a finding's message, and where
  is_money (an SQL boolean) holds, as yuan with its 万元 reading: "7545500 yuan (754.55万元)".
-#}
{%- macro amount_text(amount, is_money) -%}
{{ number_text(amount) }}
    || case when {{ is_money }} then ' yuan (' || {{ number_text("cast(" ~ amount ~ " as float8) / 10000") }} || '万元)' else '' end
{%- endmacro %}
