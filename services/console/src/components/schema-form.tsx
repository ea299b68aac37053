import { Button, DatePicker, Form, Input, InputNumber, Select, Space, Switch } from "antd";
import type { ReactNode } from "react";
import { useLocale } from "../i18n/locale.tsx";

/** The part of JSON Schema the API's event bodies use (zod's output for OpenAPI 3.1). */
export interface JsonSchema {
  type?: string;
  const?: unknown;
  enum?: string[];
  format?: string;
  pattern?: string;
  minLength?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  oneOf?: JsonSchema[];
}

/** Texts that people write at length get a text area. */
const LONG_TEXT = new Set(["reason", "summary", "opinion", "text", "note", "comment", "progress", "reasons"]);
const LOCAL_DATE = "^\\d{4}-\\d{2}-\\d{2}$";

/**
 * The fields of one object schema as form items, named by their path: every property but the `type` constant, with
 * the widget its schema calls for (a choice for an enum, a switch for a boolean, a date for a date, a list of
 * sub-forms for an array of objects), required where the schema requires it. Labels come from the catalog
 * (`field.<name>`), choices from `value.<value>`.
 */
export function SchemaFields({
  schema,
  path = [],
  optional = false,
}: {
  schema: JsonSchema;
  path?: (string | number)[];
  /** The object itself may be left out (a draft's `content` on submit): none of its fields is required then. */
  optional?: boolean;
}) {
  const { tx } = useLocale();
  const entries = Object.entries(schema.properties ?? {}).filter(([name]) => name !== "type");
  return (
    <>
      {entries.map(([name, property]) => (
        <SchemaField
          key={name}
          name={[...path, name]}
          label={tx(`field.${name}`, name)}
          fieldName={name}
          schema={property}
          required={!optional && (schema.required?.includes(name) ?? false)}
        />
      ))}
    </>
  );
}

function SchemaField(props: {
  name: (string | number)[];
  label: string;
  fieldName: string;
  schema: JsonSchema;
  required: boolean;
}) {
  const { name, label, fieldName, schema, required } = props;
  const { tx } = useLocale();
  const rules = required ? [{ required: true }] : [];
  const option = (value: string) => ({ value, label: tx(`value.${value}`, value) });
  let control: ReactNode;
  if (schema.type === "object" && schema.properties) {
    return (
      <fieldset style={{ border: "1px solid #d9d9d9", padding: 12, marginBottom: 16 }}>
        <legend>{required ? label : `${label} ${tx("form.optionalGroup", "")}`.trim()}</legend>
        <SchemaFields schema={schema} path={name} optional={!required} />
      </fieldset>
    );
  }
  if (schema.type === "array" && schema.items?.type === "object") {
    const items = schema.items;
    return (
      <Form.Item label={label} required={required}>
        <Form.List name={name} initialValue={required ? [{}] : []}>
          {(fields, { add, remove }) => (
            <Space orientation="vertical" style={{ width: "100%" }}>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" wrap>
                  <SchemaFields schema={items} path={[field.name]} />
                  <Button onClick={() => remove(field.name)} aria-label={`${label} −`}>
                    −
                  </Button>
                </Space>
              ))}
              <Button onClick={() => add({})} aria-label={`${label} +`}>
                +
              </Button>
            </Space>
          )}
        </Form.List>
      </Form.Item>
    );
  }
  if (schema.type === "array") {
    control = (
      <Select
        mode="tags"
        aria-label={label}
        options={(schema.items?.enum ?? []).map(option)}
        tokenSeparators={[",", "，"]}
      />
    );
  } else if (schema.enum) {
    control = <Select aria-label={label} options={schema.enum.map(option)} />;
  } else if (schema.type === "boolean") {
    return (
      <Form.Item name={name} label={label} valuePropName="checked" rules={rules}>
        <Switch aria-label={label} />
      </Form.Item>
    );
  } else if (schema.type === "integer" || schema.type === "number") {
    control = <InputNumber aria-label={label} style={{ width: "100%" }} />;
  } else if (schema.format === "date-time") {
    control = <DatePicker showTime aria-label={label} style={{ width: "100%" }} />;
  } else if (schema.pattern === LOCAL_DATE) {
    control = <DatePicker aria-label={label} style={{ width: "100%" }} />;
  } else if (LONG_TEXT.has(fieldName)) {
    control = <Input.TextArea aria-label={label} autoSize={{ minRows: 2, maxRows: 8 }} />;
  } else {
    control = <Input aria-label={label} />;
  }
  return (
    <Form.Item name={name} label={label} rules={rules}>
      {control}
    </Form.Item>
  );
}

/** Dates from the pickers (dayjs objects) as the API wants them: ISO instants, or local dates for a date field. */
export function toBody(schema: JsonSchema, values: unknown): unknown {
  if (values === undefined || values === null || values === "") return undefined;
  if (schema.type === "object" && schema.properties && typeof values === "object") {
    const out: Record<string, unknown> = {};
    for (const [name, property] of Object.entries(schema.properties)) {
      const value = toBody(property, (values as Record<string, unknown>)[name]);
      if (value !== undefined) out[name] = value;
    }
    // An optional group left empty is left out (a draft submitted as it is), not sent as an empty object.
    return Object.keys(out).length > 0 ? out : undefined;
  }
  if (schema.type === "array" && Array.isArray(values)) {
    // An optional list left empty is left out (the schemas say "at least one" where a list is given).
    if (values.length === 0) return undefined;
    return values.map((value) => (schema.items ? toBody(schema.items, value) : value));
  }
  if (isDayjs(values)) {
    return schema.pattern === LOCAL_DATE ? values.format("YYYY-MM-DD") : values.toISOString();
  }
  return values;
}

function isDayjs(value: unknown): value is { format(pattern: string): string; toISOString(): string } {
  return typeof value === "object" && value !== null && "isValid" in value && "toISOString" in value;
}
