{#-
  Production writes each zone to its own schema (bronze, silver, gold) in the `lake`
  catalog. Every other target writes to `<target schema>_<zone>` so dev and CI builds can
  never overwrite production tables.
-#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {%- if custom_schema_name is none -%}
        {{ target.schema }}
    {%- elif target.name == 'prod' -%}
        {{ custom_schema_name | trim }}
    {%- else -%}
        {{ target.schema }}_{{ custom_schema_name | trim }}
    {%- endif -%}
{%- endmacro %}
