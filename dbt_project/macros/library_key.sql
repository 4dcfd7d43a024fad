{#- The stable, readable key of a library (or region) name:
    <6-digit region code or 000000>-<first 8 hex digits of md5(name)>;
    'unknown' when there is no name (the explicit unknown member). -#}
{% macro library_key(library_name, region_code) -%}
    case
        when {{ library_name }} is null then 'unknown'
        else coalesce({{ region_code }}, '000000') || '-' || substr(md5({{ library_name }}), 1, 8)
    end
{%- endmacro %}
