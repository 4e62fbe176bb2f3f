//! Front matter as plain JSON for scripts: a map becomes an object *in page order*
//! (serde_json's own map would sort the keys), dates become strings.

use galley_core::frontmatter::Value;

/// Appends `value` as plain JSON.
pub fn write_plain(out: &mut String, value: &Value) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Int(i) => out.push_str(&i.to_string()),
        Value::Float(f) => match serde_json::Number::from_f64(*f) {
            Some(n) => out.push_str(&n.to_string()),
            // JSON has no NaN or infinity: keep YAML's spelling as text.
            None => string(out, &value.display_text()),
        },
        Value::Date(s) | Value::DateTime(s) | Value::String(s) => string(out, s),
        Value::List(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_plain(out, item);
            }
            out.push(']');
        }
        Value::Map(entries) => {
            out.push('{');
            for (i, (k, v)) in entries.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                string(out, k);
                out.push(':');
                write_plain(out, v);
            }
            out.push('}');
        }
    }
}

/// `value` as plain JSON.
pub fn plain(value: &Value) -> String {
    let mut out = String::new();
    write_plain(&mut out, value);
    out
}

fn string(out: &mut String, s: &str) {
    match serde_json::to_string(s) {
        Ok(quoted) => out.push_str(&quoted),
        Err(_) => out.push_str("null"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_order_and_types() {
        let v = Value::Map(vec![
            ("z".into(), Value::Int(1)),
            (
                "a".into(),
                Value::List(vec![
                    Value::Date("2024-01-02".into()),
                    Value::Float(f64::NAN),
                ]),
            ),
            ("q".into(), Value::String("say \"hi\"".into())),
        ]);
        assert_eq!(
            plain(&v),
            r#"{"z":1,"a":["2024-01-02",".nan"],"q":"say \"hi\""}"#
        );
    }
}
