{#-
  pair_reason(big, small, note): why two statements of one key cannot both be its figure, for the
  messages of conflict and cross_document. big and small are aliases of int_figure_ranges rows
  (columns value, qualifier, rounding_unit, lo, hi, display_text), big the larger value; note,
  words after the two numbers (' (the closest two)'):
  * "239246 and 139938 differ by 99308 (41.5 % of the larger), and both are exact numbers:
    no rounding explains the difference";
  * "800000 and 700000 differ by 100000 (12.5 % of the larger), more than rounding to the nearest
    100000, the stated precision of both, explains";
  * "26859000 and 26000000 differ by 859000 (3.2 % of the larger), more than rounding explains:
    26859000 rounded to the nearest 1000000 (the precision of 26000000) is 27000000, not 26000000";
  * "70 and ≥ 60 (60余) differ by 10 (14.3 % of the larger), and the ranges their wording allows
    do not overlap (70: exactly 70; ≥ 60 (60余): 60 to below 70)".
-#}
{%- macro pair_range_text(f) -%}
{{ f }}.display_text || ': ' || case coalesce({{ f }}.qualifier, 'exact')
        when 'at_least' then {{ number_text(f ~ '.lo') }} || ' to below ' || {{ number_text(f ~ '.hi') }}
        when 'approx' then {{ number_text(f ~ '.lo') }} || ' to ' || {{ number_text(f ~ '.hi') }}
        when 'at_most' then 'at most ' || {{ number_text(f ~ '.hi') }}
        when 'range' then {{ number_text(f ~ '.lo') }} || ' to ' || {{ number_text(f ~ '.hi') }}
        else 'exactly ' || {{ number_text(f ~ '.value') }}
    end
{%- endmacro %}

{%- macro pair_reason(big, small, note='') -%}
{%- set big_unit = 'coalesce(' ~ big ~ '.rounding_unit, 0)' -%}
{%- set small_unit = 'coalesce(' ~ small ~ '.rounding_unit, 0)' -%}
{{ big }}.display_text || ' and ' || {{ small }}.display_text || '{{ note }} differ by '
    || {{ number_text('abs(' ~ big ~ '.value - ' ~ small ~ '.value)') }}
    || ' (' || {{ format_g('100.0 * abs(' ~ big ~ '.value - ' ~ small ~ '.value) / greatest(abs('
                           ~ big ~ '.value), abs(' ~ small ~ '.value), 1e-9)', 3) }} || ' % of the larger), '
    || case
        when coalesce({{ big }}.qualifier, 'exact') <> 'exact' or coalesce({{ small }}.qualifier, 'exact') <> 'exact'
            then 'and the ranges their wording allows do not overlap ('
                || {{ pair_range_text(big) }} || '; ' || {{ pair_range_text(small) }} || ')'
        when greatest({{ big_unit }}, {{ small_unit }}) = 0
            then 'and both are exact numbers: no rounding explains the difference'
        when {{ big_unit }} = {{ small_unit }}
            then 'more than rounding to the nearest ' || {{ number_text(big_unit) }}
                || ', the stated precision of both, explains'
        when {{ big_unit }} > {{ small_unit }}
            then 'more than rounding explains: ' || {{ small }}.display_text || ' rounded to the nearest '
                || {{ number_text(big_unit) }} || ' (the precision of ' || {{ big }}.display_text || ') is '
                || {{ number_text(round_to(small ~ '.value / ' ~ big_unit) ~ ' * ' ~ big_unit) }}
                || ', not ' || {{ big }}.display_text
        else 'more than rounding explains: ' || {{ big }}.display_text || ' rounded to the nearest '
            || {{ number_text(small_unit) }} || ' (the precision of ' || {{ small }}.display_text || ') is '
            || {{ number_text(round_to(big ~ '.value / ' ~ small_unit) ~ ' * ' ~ small_unit) }}
            || ', not ' || {{ small }}.display_text
    end
{%- endmacro %}
