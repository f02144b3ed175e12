/**
 * @module web/studio/schema-form
 * Form fields from a plugin's params JSON Schema (the catalog's): numbers and integers as number inputs with
 * their bounds, booleans as checkboxes, enums as selects, anything else as text. Each field is labelled with
 * its name and described by the schema's description.
 */
import { h } from "../common/dom.js";
import type { JsonSchema } from "./api.js";

export interface SchemaFields {
  readonly element: HTMLElement;
  values(): Record<string, unknown>;
}

const typeOf = (s: JsonSchema): string => {
  const t = Array.isArray(s.type) ? s.type.find((x) => x !== "null") : s.type;
  return t ?? (s.anyOf?.[0] ? typeOf(s.anyOf[0]) : "string");
};

export function schemaFields(prefix: string, schema: JsonSchema, onChange: () => void): SchemaFields {
  const getters: [string, () => unknown][] = [];
  const fields = Object.entries(schema.properties ?? {}).map(([name, prop]) => {
    const id = `${prefix}-${name}`;
    const type = typeOf(prop);
    let input: HTMLInputElement | HTMLSelectElement;
    if (prop.enum) {
      input = h(
        "select",
        { id, name },
        ...prop.enum.map((v) => h("option", { value: String(v), selected: v === prop.default }, String(v))),
      );
      getters.push([name, () => input.value]);
    } else if (type === "boolean") {
      input = h("input", { id, name, type: "checkbox", checked: prop.default === true });
      getters.push([name, () => (input as HTMLInputElement).checked]);
    } else if (type === "number" || type === "integer") {
      input = h("input", {
        id,
        name,
        type: "number",
        step: type === "integer" ? 1 : "any",
        min: prop.minimum,
        max: prop.maximum,
        value: typeof prop.default === "number" ? prop.default : "",
        required: schema.required?.includes(name) && prop.default === undefined,
      });
      getters.push([name, () => (input.value === "" ? undefined : Number(input.value))]);
    } else {
      input = h("input", {
        id,
        name,
        type: "text",
        value: typeof prop.default === "string" ? prop.default : "",
      });
      getters.push([name, () => (input.value === "" ? undefined : input.value)]);
    }
    input.addEventListener("input", onChange);
    input.addEventListener("change", onChange);
    return h(
      "div",
      { class: "field" },
      h("label", { for: id }, name),
      input,
      prop.description ? h("small", {}, prop.description) : null,
    );
  });
  return {
    element: h("div", { class: "fields" }, ...fields),
    values: () => {
      const out: Record<string, unknown> = {};
      for (const [k, get] of getters) {
        const v = get();
        if (v !== undefined) out[k] = v;
      }
      return out;
    },
  };
}
