//! The JSON Schema of the JSON format (feature `schema`).
//!
//! The schema is generated from the types with `schemars`, so it cannot
//! drift from what `serde` writes; the crate commits it as
//! `schema/handelingen.schema.json` and a test fails when that file is
//! stale. Two types serialise by hand and so describe themselves by hand
//! here: [`Text`] (`{"text", "span", "map"}`) and [`Format`] (the number
//! [`FORMAT_VERSION`]).
//!
//! The generated schema is then made exact: every key of every object is
//! `required` (the format writes every key, `null` or `[]` when there is
//! nothing), and the top-level object admits no other key than its own and
//! `file` (which the `handelingen` command adds: the input's path).
//!
//! ```
//! let schema = handelingen::schema::json_schema();
//! assert_eq!(schema["properties"]["format"]["const"], handelingen::FORMAT_VERSION);
//! ```

use std::borrow::Cow;

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde_json::Value;

use crate::text::Text;
use crate::{Format, Parsed, Span, FORMAT_VERSION};

impl JsonSchema for Text<'_> {
    fn schema_name() -> Cow<'static, str> {
        "Text".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let span = generator.subschema_for::<Span>();
        let offset = json_schema!({"type": "integer", "minimum": 0});
        json_schema!({
            "type": "object",
            "description": "Normalised text, the span of the input it was read from, and its \
                source map: one [text_start, text_end, input_start, input_end] entry per place \
                where the text differs from the input (input offsets absolute; a deletion has \
                text_start == text_end). Between entries the text is a byte copy of the input.",
            "properties": {
                "text": {"type": "string"},
                "span": span,
                "map": {
                    "type": "array",
                    "items": {
                        "type": "array",
                        "prefixItems": [offset, offset, offset, offset],
                        "items": false,
                        "minItems": 4
                    }
                }
            },
            "required": ["text", "span", "map"]
        })
    }
}

impl JsonSchema for Format {
    fn schema_name() -> Cow<'static, str> {
        "Format".into()
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "integer",
            "const": FORMAT_VERSION,
            "description": "The version of the JSON format; it changes whenever a key changes \
                meaning or goes away."
        })
    }
}

/// The JSON Schema (draft 2020-12) of a [`Parsed`] as JSON, the top-level
/// object the `handelingen` command writes per input (with its `file`).
pub fn json_schema() -> Value {
    let generator = schemars::generate::SchemaSettings::draft2020_12()
        .for_serialize()
        .into_generator();
    let mut root = generator
        .into_root_schema_for::<Parsed<'static>>()
        .to_value();
    require_every_key(&mut root);
    forbid_unknown_keys(&mut root);
    if let Some(root) = root.as_object_mut() {
        if let Some(Value::Object(properties)) = root.get_mut("properties") {
            properties.insert(
                "file".into(),
                serde_json::json!({
                    "type": "string",
                    "description": "The input's path as given (bytes that are not UTF-8 \
                        escaped as \\xNN); written by the handelingen command, not by the \
                        library."
                }),
            );
        }
        if let Some(Value::Array(required)) = root.get_mut("required") {
            required.retain(|k| k != "file");
        }
        root.insert("additionalProperties".into(), false.into());
    }
    root
}

/// Adds `unevaluatedProperties: false` to the outermost schema of every
/// object, so a key the format does not write is an error: to the
/// definition itself, or, for a definition that a tagged variant extends
/// (`type` beside its `$ref`), to each plain `$ref` to it (the keyword then
/// sees the keys of the definition, its variants and its flattened parts).
fn forbid_unknown_keys(root: &mut Value) {
    fn extended_refs(value: &Value, found: &mut Vec<String>) {
        match value {
            Value::Object(map) => {
                if let (Some(Value::String(target)), true) =
                    (map.get("$ref"), map.contains_key("properties"))
                {
                    found.push(target.clone());
                }
                map.values().for_each(|v| extended_refs(v, found));
            }
            Value::Array(items) => items.iter().for_each(|v| extended_refs(v, found)),
            _ => {}
        }
    }
    fn close_plain_refs(value: &mut Value, extended: &[String]) {
        match value {
            Value::Object(map) => {
                let plain_ref_to_extended = matches!(
                    map.get("$ref"),
                    Some(Value::String(target)) if extended.contains(target)
                ) && !map.contains_key("properties");
                if plain_ref_to_extended {
                    map.insert("unevaluatedProperties".into(), false.into());
                }
                map.values_mut().for_each(|v| close_plain_refs(v, extended));
            }
            Value::Array(items) => items.iter_mut().for_each(|v| close_plain_refs(v, extended)),
            _ => {}
        }
    }
    let mut extended = Vec::new();
    extended_refs(root, &mut extended);
    close_plain_refs(root, &extended);
    if let Some(Value::Object(defs)) = root.get_mut("$defs") {
        for (name, def) in defs.iter_mut() {
            let Value::Object(def) = def else { continue };
            let is_object = def.contains_key("properties") || def.contains_key("oneOf");
            if is_object && !extended.contains(&format!("#/$defs/{name}")) {
                def.insert("unevaluatedProperties".into(), false.into());
            }
        }
    }
}

/// Makes every property of every object schema (at any depth) required.
fn require_every_key(value: &mut Value) {
    match value {
        Value::Object(map) => {
            if let Some(Value::Object(properties)) = map.get("properties") {
                let keys: Vec<Value> = properties.keys().cloned().map(Value::String).collect();
                map.insert("required".into(), Value::Array(keys));
            }
            map.values_mut().for_each(require_every_key);
        }
        Value::Array(items) => items.iter_mut().for_each(require_every_key),
        _ => {}
    }
}
