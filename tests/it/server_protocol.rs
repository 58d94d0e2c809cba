//! `pagelint server` as an editor starts it: a child process speaking the
//! base protocol (`Content-Length` framing) on its standard input and output.
//! Exit statuses, and bodies that are not JSON-RPC.

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

struct Process {
    child: Child,
    stdin: Option<ChildStdin>,
    stdout: BufReader<ChildStdout>,
}

impl Process {
    fn start() -> Process {
        let mut child = Command::new(env!("CARGO_BIN_EXE_pagelint"))
            .arg("server")
            .env("PAGELINT_LOG", "error")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdin = child.stdin.take();
        let stdout = BufReader::new(child.stdout.take().unwrap());
        Process {
            child,
            stdin,
            stdout,
        }
    }

    fn send_raw(&mut self, body: &str) {
        let stdin = self.stdin.as_mut().unwrap();
        write!(stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        stdin.flush().unwrap();
    }

    fn send(&mut self, msg: Value) {
        self.send_raw(&msg.to_string());
    }

    fn read(&mut self) -> Value {
        let mut length = 0;
        loop {
            let mut line = String::new();
            assert!(
                self.stdout.read_line(&mut line).unwrap() > 0,
                "end of output"
            );
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some(n) = line.strip_prefix("Content-Length: ") {
                length = n.parse().unwrap();
            }
        }
        let mut body = vec![0; length];
        self.stdout.read_exact(&mut body).unwrap();
        serde_json::from_slice(&body).unwrap()
    }

    /// The next message that is not a notification.
    fn reply(&mut self) -> Value {
        loop {
            let msg = self.read();
            if msg.get("method").is_none() {
                return msg;
            }
        }
    }

    fn status(mut self) -> i32 {
        drop(self.stdin.take());
        let started = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.code().unwrap_or(-1);
            }
            if started.elapsed() > Duration::from_secs(20) {
                self.child.kill().unwrap();
                panic!("the server did not exit");
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    fn initialize(&mut self) {
        self.send(json!({"jsonrpc": "2.0", "id": 1, "method": "initialize",
                         "params": {"processId": null, "capabilities": {}}}));
        let r = self.reply();
        assert_eq!(r["id"], 1);
        assert!(r["result"]["capabilities"].is_object(), "{r}");
        self.send(json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}));
    }
}

#[test]
fn shutdown_then_exit_is_status_0() {
    let mut p = Process::start();
    p.initialize();
    p.send(json!({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}));
    let r = p.reply();
    assert_eq!(r, json!({"jsonrpc": "2.0", "id": 2, "result": null}));
    p.send(json!({"jsonrpc": "2.0", "method": "exit"}));
    assert_eq!(p.status(), 0);
}

#[test]
fn exit_without_shutdown_or_a_closed_input_is_status_1() {
    let mut p = Process::start();
    p.initialize();
    p.send(json!({"jsonrpc": "2.0", "method": "exit"}));
    assert_eq!(p.status(), 1);
    let mut p = Process::start();
    p.initialize();
    assert_eq!(p.status(), 1);
}

#[test]
fn bodies_that_are_not_json_rpc_are_answered_and_the_server_goes_on() {
    let mut p = Process::start();
    p.send_raw("{this is not json");
    let r = p.reply();
    assert_eq!(r["id"], Value::Null);
    assert_eq!(r["error"]["code"], -32700);
    p.send_raw(r#"{"jsonrpc": "2.0", "id": 5}"#);
    assert_eq!(p.reply()["error"]["code"], -32600);
    p.initialize();
    p.send(
        json!({"jsonrpc": "2.0", "id": 3, "method": "textDocument/hover",
                  "params": {"textDocument": {"uri": 7}, "position": {}}}),
    );
    let r = p.reply();
    assert_eq!(
        (r["id"].clone(), r["error"]["code"].clone()),
        (json!(3), json!(-32602))
    );
    p.send(json!({"jsonrpc": "2.0", "id": "x", "method": "no/such"}));
    assert_eq!(p.reply()["error"]["code"], -32601);
    p.send(json!({"jsonrpc": "2.0", "id": 4, "method": "shutdown"}));
    p.reply();
    p.send(json!({"jsonrpc": "2.0", "id": 5, "method": "textDocument/hover", "params": {}}));
    assert_eq!(p.reply()["error"]["code"], -32600);
    p.send(json!({"jsonrpc": "2.0", "method": "exit"}));
    assert_eq!(p.status(), 0);
}
