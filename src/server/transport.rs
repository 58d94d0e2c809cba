//! The server's standard input and output: LSP base protocol messages
//! (`Content-Length` headers and JSON-RPC bodies) read on one thread and
//! written on another, handed to the main loop as an `lsp_server::Connection`.
//!
//! `lsp_server`'s own stdio transport ends the connection on the first body
//! that is not a JSON-RPC message. This one answers such a body as JSON-RPC
//! says (a `ParseError` or `InvalidRequest` response with a null id) and
//! reads on, so a client's one bad message does not stop the server.

use std::io::{self, BufRead, Write};
use std::thread;

use crossbeam_channel::{Receiver, Sender};
use lsp_server::{Connection, ErrorCode, Message};
use serde_json::{json, Value};

/// The threads behind a stdio connection.
pub struct Transport {
    writer: thread::JoinHandle<()>,
}

impl Transport {
    /// Waits until every message sent before the connection was dropped is
    /// written and flushed. The reader is not waited for: it may be blocked
    /// on a standard input that the client keeps open.
    pub fn join(self) {
        let _ = self.writer.join();
    }
}

/// A connection over standard input and output.
pub fn stdio() -> (Connection, Transport) {
    let (to_main, from_reader) = crossbeam_channel::bounded::<Message>(64);
    let (to_writer, from_main) = crossbeam_channel::bounded::<Message>(64);
    let (raw_tx, raw_rx) = crossbeam_channel::unbounded::<Value>();
    thread::Builder::new()
        .name("pagelint-lsp-reader".into())
        .spawn(move || {
            let stdin = io::stdin();
            read_loop(&mut stdin.lock(), &to_main, &raw_tx);
        })
        .expect("spawn the reader thread");
    let writer = thread::Builder::new()
        .name("pagelint-lsp-writer".into())
        .spawn(move || {
            let stdout = io::stdout();
            write_loop(&mut stdout.lock(), &from_main, &raw_rx);
        })
        .expect("spawn the writer thread");
    (
        Connection {
            sender: to_writer,
            receiver: from_reader,
        },
        Transport { writer },
    )
}

/// Reads messages until end of input, a read error, or the `exit`
/// notification (after which the client may keep the pipe open).
pub fn read_loop(input: &mut dyn BufRead, to_main: &Sender<Message>, raw: &Sender<Value>) {
    loop {
        let body = match read_body(input) {
            Ok(Some(body)) => body,
            Ok(None) => return,
            Err(e) if e.kind() == io::ErrorKind::InvalidData => {
                crate::server::log::warn(&format!("unreadable message: {e}"));
                continue;
            }
            Err(e) => {
                crate::server::log::warn(&format!("cannot read standard input: {e}"));
                return;
            }
        };
        match parse(&body) {
            Ok(msg) => {
                let exit = matches!(&msg, Message::Notification(n) if n.method == "exit");
                if to_main.send(msg).is_err() || exit {
                    return;
                }
            }
            Err(reply) => {
                if let Some(reply) = reply {
                    let _ = raw.send(reply);
                }
            }
        }
    }
}

/// A message, or the error response a malformed one gets (None for a
/// malformed response or notification, which get no answer).
fn parse(body: &[u8]) -> Result<Message, Option<Value>> {
    let value: Value = match serde_json::from_slice(body) {
        Ok(v) => v,
        Err(e) => {
            crate::server::log::warn(&format!("a message is not JSON: {e}"));
            return Err(Some(error_reply(
                Value::Null,
                ErrorCode::ParseError,
                format!("not JSON: {e}"),
            )));
        }
    };
    match serde_json::from_value::<Message>(value.clone()) {
        Ok(msg) => Ok(msg),
        Err(e) => {
            crate::server::log::warn(&format!("not a JSON-RPC message: {e}"));
            let id = value.get("id").filter(|i| !i.is_null());
            let reply = |id: Option<&Value>| {
                let id = id
                    .filter(|i| i.is_string() || i.is_i64())
                    .cloned()
                    .unwrap_or(Value::Null);
                Some(error_reply(
                    id,
                    ErrorCode::InvalidRequest,
                    format!("not a valid JSON-RPC message: {e}"),
                ))
            };
            if value.get("method").is_some() {
                // A request is answered; a notification never is.
                Err(id.and_then(|id| reply(Some(id))))
            } else if value.get("result").is_some() || value.get("error").is_some() {
                // A malformed response to one of the server's requests.
                Err(None)
            } else {
                Err(reply(id))
            }
        }
    }
}

fn error_reply(id: Value, code: ErrorCode, message: String) -> Value {
    json!({"jsonrpc": "2.0", "id": id, "error": {"code": code as i32, "message": message}})
}

/// One message's body. `Ok(None)` at a clean end of input; `InvalidData`
/// for a header block without a usable `Content-Length`, after which reading
/// goes on at the next header block.
fn read_body(input: &mut dyn BufRead) -> io::Result<Option<Vec<u8>>> {
    let mut length: Option<usize> = None;
    let mut bad_header = None;
    let mut line = String::new();
    let mut any = false;
    loop {
        line.clear();
        if input.read_line(&mut line)? == 0 {
            return if any {
                Err(io::Error::new(
                    io::ErrorKind::UnexpectedEof,
                    "end of input inside a header",
                ))
            } else {
                Ok(None)
            };
        }
        let header = line.trim_end_matches(['\r', '\n']);
        if header.is_empty() {
            if any {
                break;
            }
            // Blank lines between messages are tolerated.
            continue;
        }
        any = true;
        match header.split_once(':') {
            Some((name, value)) if name.trim().eq_ignore_ascii_case("content-length") => {
                match value.trim().parse::<usize>() {
                    Ok(n) => length = Some(n),
                    Err(_) => bad_header = Some(header.to_string()),
                }
            }
            Some(_) => {}
            None => bad_header = Some(header.to_string()),
        }
    }
    let Some(length) = length else {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!(
                "a header block without Content-Length{}",
                bad_header.map(|h| format!(" ({h:?})")).unwrap_or_default()
            ),
        ));
    };
    let mut body = vec![0; length];
    input.read_exact(&mut body)?;
    Ok(Some(body))
}

fn write_message(out: &mut dyn Write, body: &[u8]) -> io::Result<()> {
    write!(out, "Content-Length: {}\r\n\r\n", body.len())?;
    out.write_all(body)?;
    out.flush()
}

/// Writes the main loop's messages and the reader's error replies until the
/// main loop drops its sender.
pub fn write_loop(out: &mut dyn Write, from_main: &Receiver<Message>, raw: &Receiver<Value>) {
    #[derive(serde::Serialize)]
    struct JsonRpc<'a> {
        jsonrpc: &'static str,
        #[serde(flatten)]
        msg: &'a Message,
    }
    loop {
        let body = crossbeam_channel::select! {
            recv(from_main) -> msg => match msg {
                Ok(msg) => serde_json::to_vec(&JsonRpc { jsonrpc: "2.0", msg: &msg }),
                Err(_) => break,
            },
            recv(raw) -> value => match value {
                Ok(value) => serde_json::to_vec(&value),
                // The reader has stopped; the main loop may still write.
                Err(_) => match from_main.recv() {
                    Ok(msg) => serde_json::to_vec(&JsonRpc { jsonrpc: "2.0", msg: &msg }),
                    Err(_) => break,
                },
            },
        };
        let Ok(body) = body else { continue };
        if write_message(out, &body).is_err() {
            // The client is gone; keep draining so the main loop never blocks.
            while from_main.recv().is_ok() {}
            return;
        }
    }
    while let Ok(value) = raw.try_recv() {
        if let Ok(body) = serde_json::to_vec(&value) {
            let _ = write_message(out, &body);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn framed(bodies: &[&str]) -> Vec<u8> {
        let mut out = Vec::new();
        for b in bodies {
            out.extend(format!("Content-Length: {}\r\n\r\n{b}", b.len()).bytes());
        }
        out
    }

    #[test]
    fn bad_bodies_are_answered_and_reading_goes_on() {
        let input = framed(&[
            "{not json",
            r#"{"jsonrpc":"2.0","id":7,"method":"x","params":1}"#,
            r#"{"jsonrpc":"2.0","id":[1]}"#,
            r#"{"jsonrpc":"2.0","method":"exit"}"#,
            r#"{"jsonrpc":"2.0","method":"after-exit"}"#,
        ]);
        let (tx, rx) = crossbeam_channel::unbounded();
        let (raw_tx, raw_rx) = crossbeam_channel::unbounded();
        read_loop(&mut &input[..], &tx, &raw_tx);
        let msgs: Vec<Message> = rx.try_iter().collect();
        assert_eq!(msgs.len(), 2, "{msgs:?}");
        assert!(matches!(&msgs[1], Message::Notification(n) if n.method == "exit"));
        let replies: Vec<Value> = raw_rx.try_iter().collect();
        assert_eq!(replies.len(), 2, "{replies:?}");
        assert_eq!(replies[0]["error"]["code"], -32700);
        assert_eq!(replies[0]["id"], Value::Null);
        assert_eq!(replies[1]["error"]["code"], -32600);
    }
}
