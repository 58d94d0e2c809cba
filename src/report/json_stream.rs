//! A JSON report written in pieces, byte for byte what serde_json's pretty
//! printer writes for the whole document: the skeleton up to one array, the
//! array's elements as they come, then the rest of the skeleton, which may
//! hold counts known only at the end. serde_json sorts object keys, so the
//! array's key must sort before every key whose value is known only at the
//! end; the tests below hold each report to that.

use std::io::{self, Write};

use serde_json::Value;

/// Where the streamed array goes in a skeleton.
pub const ARRAY_HERE: &str = "\u{0}pagelint: the streamed array\u{0}";

/// The skeleton's text before and after the array, and the array's indent.
fn split(skeleton: &Value) -> (String, usize, String) {
    let text = serde_json::to_string_pretty(skeleton).expect("a JSON value always serialises");
    let marker = serde_json::to_string(ARRAY_HERE).expect("a string always serialises");
    let at = text
        .find(&marker)
        .expect("the skeleton holds ARRAY_HERE once");
    let line = &text[text[..at].rfind('\n').map_or(0, |i| i + 1)..];
    let indent = line.len() - line.trim_start_matches(' ').len();
    (
        text[..at].to_string(),
        indent,
        text[at + marker.len()..].to_string(),
    )
}

/// Writes the skeleton up to and including the array's `[`.
pub fn begin(skeleton: &Value, out: &mut dyn Write) -> io::Result<()> {
    out.write_all(split(skeleton).0.as_bytes())?;
    out.write_all(b"[")
}

/// One element of an array whose key is indented `indent` spaces; `first`
/// when nothing was written into the array before it.
pub fn element(indent: usize, first: bool, value: &Value, out: &mut dyn Write) -> io::Result<()> {
    let text = serde_json::to_string_pretty(value).expect("a JSON value always serialises");
    if !first {
        out.write_all(b",")?;
    }
    for line in text.lines() {
        write!(out, "\n{:width$}{line}", "", width = indent + 2)?;
    }
    Ok(())
}

/// Closes the array (`any`: something was written into it) and writes the
/// rest of the skeleton, whose array must be the same one `begin` wrote.
pub fn end(skeleton: &Value, any: bool, out: &mut dyn Write) -> io::Result<()> {
    let (_, indent, rest) = split(skeleton);
    if any {
        write!(out, "\n{:indent$}", "")?;
    }
    out.write_all(b"]")?;
    out.write_all(rest.as_bytes())?;
    writeln!(out)
}

/// The indent of the array's key in the skeleton: what a report passes to
/// `element`, checked by its tests.
#[cfg(test)]
pub fn indent(skeleton: &Value) -> usize {
    split(skeleton).1
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn streamed(skeleton: &Value, elements: &[Value]) -> String {
        let mut out = Vec::new();
        begin(skeleton, &mut out).unwrap();
        let indent = indent(skeleton);
        for (i, e) in elements.iter().enumerate() {
            element(indent, i == 0, e, &mut out).unwrap();
        }
        end(skeleton, !elements.is_empty(), &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn pieces_equal_the_whole_document_pretty_printed() {
        let elements = [
            json!({"a": 1, "b": {"c": [1, 2, "x\ny"]}, "d": []}),
            json!("two"),
            json!({}),
        ];
        for n in 0..=elements.len() {
            let shapes: [fn(Value) -> Value; 2] = [
                |arr| json!({"a": arr, "z": {"count": 3}}),
                |arr| json!({"runs": [{"results": arr, "tool": {"x": 1}}], "v": "2"}),
            ];
            for shape in shapes {
                let whole = shape(Value::Array(elements[..n].to_vec()));
                let expected = serde_json::to_string_pretty(&whole).unwrap() + "\n";
                assert_eq!(
                    streamed(&shape(json!(ARRAY_HERE)), &elements[..n]),
                    expected
                );
            }
        }
    }
}
