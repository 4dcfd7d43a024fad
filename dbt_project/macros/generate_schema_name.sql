{#- Custom schemas are used as-is (marts, staging, intermediate), not <target>_<custom>.
    NIANBAO_MARTS_SCHEMA renames the marts schema (the PostgreSQL storage builds into
    marts_build and swaps it in: nianbao.storage.postgres); unset, it is `marts`. -#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {%- if custom_schema_name is none -%}
        {{ target.schema }}
    {%- elif custom_schema_name | trim == 'marts' -%}
        {{ env_var('NIANBAO_MARTS_SCHEMA', 'marts') }}
    {%- else -%}
        {{ custom_schema_name | trim }}
    {%- endif -%}
{%- endmacro %}
