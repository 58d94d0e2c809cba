//! `pagelint server` driven through the protocol, in process over
//! `lsp_server`'s memory connection: an editor's unsaved buffer in,
//! diagnostics, code actions, hover and completion out.

use std::collections::VecDeque;
use std::path::Path;
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use lsp_server::{Connection, Message, Notification, Request, RequestId, Response};
use serde_json::{json, Value};

use crate::common::TempSite;
use pagelint::server::{self, Options};

/// A test client: the other end of the server's connection.
pub struct Client {
    conn: Connection,
    server: Option<JoinHandle<i32>>,
    next_id: i32,
    /// Notifications that arrived while waiting for something else.
    inbox: VecDeque<Notification>,
}

const WAIT: Duration = Duration::from_secs(20);

/// A response, as `result` or `error`.
#[derive(Debug)]
pub struct Reply {
    pub result: Option<Value>,
    pub error: Option<lsp_server::ResponseError>,
}

impl From<Response> for Reply {
    fn from(r: Response) -> Reply {
        match r.response_result {
            Ok(v) => Reply {
                result: Some(v),
                error: None,
            },
            Err(e) => Reply {
                result: None,
                error: Some(e),
            },
        }
    }
}

impl Client {
    pub fn start(options: Options) -> Client {
        let (server_end, client_end) = Connection::memory();
        let server = std::thread::spawn(move || server::run(server_end, options));
        Client {
            conn: client_end,
            server: Some(server),
            next_id: 0,
            inbox: VecDeque::new(),
        }
    }

    /// Starts a server and initializes it with `capabilities`.
    pub fn initialized(options: Options, capabilities: Value) -> (Client, Value) {
        let mut client = Client::start(options);
        let result = client
            .request(
                "initialize",
                json!({"processId": null, "rootUri": null, "capabilities": capabilities}),
            )
            .result
            .expect("initialize succeeds");
        client.notify("initialized", json!({}));
        (client, result)
    }

    pub fn notify(&self, method: &str, params: Value) {
        self.conn
            .sender
            .send(Notification::new(method.to_string(), params).into())
            .unwrap();
    }

    /// Sends a request and waits for its response, keeping notifications.
    pub fn request(&mut self, method: &str, params: Value) -> Reply {
        let id = self.send_request(method, params);
        self.response(id)
    }

    pub fn send_request(&mut self, method: &str, params: Value) -> RequestId {
        self.next_id += 1;
        let id = RequestId::from(self.next_id);
        self.conn
            .sender
            .send(Request::new(id.clone(), method.to_string(), params).into())
            .unwrap();
        id
    }

    pub fn response(&mut self, id: RequestId) -> Reply {
        let deadline = Instant::now() + WAIT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.conn.receiver.recv_timeout(left) {
                Ok(Message::Response(r)) if r.id == id => return r.into(),
                Ok(Message::Response(r)) => panic!("a response to another request: {r:?}"),
                Ok(Message::Notification(n)) => self.inbox.push_back(n),
                // The server's own requests (registerCapability) get an answer.
                Ok(Message::Request(r)) => self
                    .conn
                    .sender
                    .send(Response::new_ok(r.id, Value::Null).into())
                    .unwrap(),
                Err(e) => panic!("no response to {id}: {e}"),
            }
        }
    }

    /// The next notification that `pick` accepts, waiting up to `wait`.
    pub fn wait_for(
        &mut self,
        wait: Duration,
        pick: impl Fn(&Notification) -> bool,
    ) -> Option<Notification> {
        if let Some(i) = self.inbox.iter().position(&pick) {
            return self.inbox.remove(i);
        }
        let deadline = Instant::now() + wait;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.conn.receiver.recv_timeout(left) {
                Ok(Message::Notification(n)) if pick(&n) => return Some(n),
                Ok(Message::Notification(n)) => self.inbox.push_back(n),
                Ok(Message::Request(r)) => self
                    .conn
                    .sender
                    .send(Response::new_ok(r.id, Value::Null).into())
                    .unwrap(),
                Ok(Message::Response(r)) => panic!("an unexpected response: {r:?}"),
                Err(_) => return None,
            }
        }
    }

    /// The next diagnostics published for `uri` (at `version`, if given).
    pub fn diagnostics(&mut self, uri: &str, version: Option<i64>) -> Vec<Value> {
        let n = self
            .wait_for(WAIT, |n| {
                n.method == "textDocument/publishDiagnostics"
                    && n.params["uri"] == uri
                    && version.is_none_or(|v| n.params["version"] == v)
            })
            .unwrap_or_else(|| panic!("no diagnostics for {uri} (version {version:?})"));
        n.params["diagnostics"].as_array().unwrap().clone()
    }

    pub fn open(&self, uri: &str, version: i64, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": version, "text": text}}),
        );
    }

    /// `shutdown`, then `exit`; the server's exit status.
    pub fn shutdown(mut self) -> i32 {
        let r = self.request("shutdown", Value::Null);
        assert_eq!(r.result, Some(Value::Null), "{r:?}");
        assert!(r.error.is_none());
        self.notify("exit", Value::Null);
        self.server.take().unwrap().join().unwrap()
    }

    pub fn exit_without_shutdown(mut self) -> i32 {
        self.notify("exit", Value::Null);
        self.server.take().unwrap().join().unwrap()
    }
}

pub fn uri_of(path: &Path) -> String {
    let mut uri = String::from("file://");
    for c in path.to_string_lossy().chars() {
        match c {
            'a'..='z' | 'A'..='Z' | '0'..='9' | '/' | '-' | '.' | '_' | '~' => uri.push(c),
            c => {
                let mut buf = [0; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    uri.push_str(&format!("%{b:02X}"));
                }
            }
        }
    }
    uri
}

/// The byte offset of an LSP position in `text`, counting UTF-16 units.
pub fn offset16(text: &str, line: u64, character: u64) -> usize {
    let mut start = 0;
    for _ in 0..line {
        start += text[start..].find('\n').unwrap() + 1;
    }
    let mut units = 0;
    for (i, c) in text[start..].char_indices() {
        if units >= character as usize || c == '\n' || c == '\r' {
            return start + i;
        }
        units += c.len_utf16();
    }
    text.len()
}

/// `text` with an LSP text edit (UTF-16 positions) applied.
pub fn apply_edit(text: &str, edit: &Value) -> String {
    let r = &edit["range"];
    let a = offset16(
        text,
        r["start"]["line"].as_u64().unwrap(),
        r["start"]["character"].as_u64().unwrap(),
    );
    let b = offset16(
        text,
        r["end"]["line"].as_u64().unwrap(),
        r["end"]["character"].as_u64().unwrap(),
    );
    format!(
        "{}{}{}",
        &text[..a],
        edit["newText"].as_str().unwrap(),
        &text[b..]
    )
}

pub fn rules_of(diags: &[Value]) -> Vec<&str> {
    diags.iter().map(|d| d["code"].as_str().unwrap()).collect()
}

const CONFIG: &str = r#"
[[schema]]
name = "post"
files = ["content/posts/**/*.md"]

[schema.fields.title]
type = "string"
required = true

[schema.fields.categories]
type = "list"
values = ["AI 產業動態", "AI 技術解析"]

[schema.fields.source_url]
type = "url"
required = true

[images]
fields = ["cover"]
"#;

/// A site whose post on disk is clean.
pub fn blog() -> TempSite {
    let site = TempSite::new();
    site.write("pagelint.toml", CONFIG)
        .write("static/images/posts/Photo.jpg", "jpg")
        .write("static/images/posts/other.png", "png")
        .write("layouts/shortcodes/callout.html", "<div>{{ .Inner }}</div>")
        .write(
            "content/posts/other.md",
            "---\ntitle: Other\nsource_url: https://a.example/\ntags: [hugo, 模型]\n---\nText.\n",
        )
        .write(
            "content/posts/a.md",
            "---\ntitle: A\nsource_url: https://example.org/\n---\nOn disk.\n",
        );
    site
}

/// The unsaved buffer: an emoji and an accent before an image whose name
/// differs from the file's in case, and an empty required URL.
const BUFFER: &str = "---\ntitle: A\nsource_url: \"\"\ncategories: [\"AI 產業動態\"]\n---\n\n😀 café ![](/images/posts/photo.jpg)\n";

fn options() -> Options {
    Options {
        debounce: Duration::from_millis(5),
        ..Options::default()
    }
}

#[test]
fn an_unsaved_buffer_from_open_to_exit() {
    let site = blog();
    let uri = uri_of(&site.path("content/posts/a.md"));
    let (mut client, init) = Client::initialized(options(), json!({}));
    let caps = &init["capabilities"];
    assert_eq!(caps["positionEncoding"], "utf-16");
    assert_eq!(caps["textDocumentSync"]["change"], 2);
    assert_eq!(init["serverInfo"]["name"], "pagelint");

    client.open(&uri, 1, BUFFER);
    let diags = client.diagnostics(&uri, Some(1));
    assert_eq!(
        rules_of(&diags),
        ["empty-field", "broken-image"],
        "{diags:#?}"
    );
    let image = &diags[1];
    // Line 6 (0-based): "😀 café ![](" is 2 + 6 + 4 = 12 UTF-16 units.
    assert_eq!(
        image["range"],
        json!({"start": {"line": 6, "character": 12}, "end": {"line": 6, "character": 35}})
    );
    assert_eq!(image["severity"], 1);
    assert_eq!(image["source"], "pagelint");
    assert!(image["codeDescription"]["href"]
        .as_str()
        .unwrap()
        .ends_with("/rules/broken-image.md"));
    assert!(image["message"]
        .as_str()
        .unwrap()
        .contains("differs in case"));
    let empty = &diags[0];
    assert_eq!(empty["range"]["start"], json!({"line": 2, "character": 12}));

    // Code actions on the image: the case fix, preferred, and a suppression.
    let actions = client
        .request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": uri}, "range": image["range"],
                   "context": {"diagnostics": [image]}}),
        )
        .result
        .unwrap();
    let actions = actions.as_array().unwrap();
    let titles: Vec<&str> = actions
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    assert!(
        titles.contains(&"Suppress `broken-image` on this line"),
        "{titles:?}"
    );
    let fix = actions
        .iter()
        .find(|a| a["isPreferred"] == true)
        .unwrap_or_else(|| panic!("no preferred fix in {actions:#?}"));
    assert_eq!(fix["kind"], "quickfix");
    assert_eq!(fix["diagnostics"][0]["code"], "broken-image");
    let edits = fix["edit"]["changes"][&uri].as_array().unwrap();
    assert_eq!(edits.len(), 1);
    let fixed = apply_edit(BUFFER, &edits[0]);
    assert!(fixed.contains("![](/images/posts/Photo.jpg)"), "{fixed}");

    // The client applies it as an incremental change: that finding goes,
    // the other stays.
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2},
               "contentChanges": [{"range": edits[0]["range"], "text": edits[0]["newText"]}]}),
    );
    let diags = client.diagnostics(&uri, Some(2));
    assert_eq!(rules_of(&diags), ["empty-field"], "{diags:#?}");
    assert_eq!(diags[0]["range"], empty["range"]);

    // Hover on the remaining finding: its rule's page.
    let hover = client
        .request(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri}, "position": {"line": 2, "character": 13}}),
        )
        .result
        .unwrap();
    let text = hover["contents"]["value"].as_str().unwrap();
    assert!(text.starts_with("# empty-field"), "{text}");
    assert_eq!(hover["contents"]["kind"], "markdown");

    client.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": uri}}),
    );
    assert!(client.diagnostics(&uri, None).is_empty());
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn suppressions_fix_all_and_versioned_edits() {
    let site = blog();
    let uri = uri_of(&site.path("content/posts/a.md"));
    let caps = json!({"workspace": {"workspaceEdit": {"documentChanges": true}}});
    let (mut client, _) = Client::initialized(options(), caps);
    client.open(&uri, 7, BUFFER);
    let diags = client.diagnostics(&uri, Some(7));
    assert_eq!(diags.len(), 2);
    let everything =
        json!({"start": {"line": 0, "character": 0}, "end": {"line": 9, "character": 0}});
    let actions = client
        .request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": uri}, "range": everything, "context": {"diagnostics": []}}),
        )
        .result
        .unwrap();
    let actions = actions.as_array().unwrap().clone();
    let by_title = |t: &str| {
        actions
            .iter()
            .find(|a| a["title"].as_str().unwrap().starts_with(t))
            .unwrap_or_else(|| panic!("no `{t}` in {actions:#?}"))
            .clone()
    };
    let edits_of = |a: &Value| {
        let change = &a["edit"]["documentChanges"][0];
        assert_eq!(change["textDocument"]["version"], 7);
        assert_eq!(change["textDocument"]["uri"], uri.as_str());
        change["edits"].as_array().unwrap().clone()
    };
    // Front matter: a comment at the end of the line.
    let fm = by_title("Suppress `empty-field`");
    let text = apply_edit(BUFFER, &edits_of(&fm)[0]);
    assert!(
        text.contains("source_url: \"\" # pagelint: ignore[empty-field]\n"),
        "{text}"
    );
    // Body: a comment line above.
    let body = by_title("Suppress `broken-image`");
    let text = apply_edit(&text, &edits_of(&body)[0]);
    assert!(
        text.contains("\n<!-- pagelint-disable-next-line broken-image -->\n😀 café"),
        "{text}"
    );
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 8}, "contentChanges": [{"text": text}]}),
    );
    assert!(client.diagnostics(&uri, Some(8)).is_empty());

    // Fix all, asked for as VS Code does on save.
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 9}, "contentChanges": [{"text": BUFFER}]}),
    );
    client.diagnostics(&uri, Some(9));
    let all = client
        .request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": uri}, "range": everything,
                   "context": {"diagnostics": [], "only": ["source.fixAll"]}}),
        )
        .result
        .unwrap();
    let all = all.as_array().unwrap();
    assert_eq!(all.len(), 1, "{all:#?}");
    assert_eq!(all[0]["kind"], "source.fixAll.pagelint");
    let change = &all[0]["edit"]["documentChanges"][0];
    assert_eq!(change["textDocument"]["version"], 9);
    let fixed = apply_edit(BUFFER, &change["edits"][0]);
    assert!(fixed.contains("Photo.jpg"));
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn utf8_and_utf32_positions_when_the_client_prefers_them() {
    let site = blog();
    let uri = uri_of(&site.path("content/posts/a.md"));
    for (encoding, character) in [("utf-8", 15), ("utf-32", 11)] {
        let caps = json!({"general": {"positionEncodings": [encoding, "utf-16"]}});
        let (mut client, init) = Client::initialized(options(), caps);
        assert_eq!(init["capabilities"]["positionEncoding"], encoding);
        client.open(&uri, 1, BUFFER);
        let diags = client.diagnostics(&uri, Some(1));
        assert_eq!(
            diags[1]["range"]["start"]["character"], character,
            "{encoding}"
        );
        assert_eq!(client.shutdown(), 0);
    }
}

#[test]
fn crlf_cjk_and_incremental_edits() {
    let site = blog();
    let uri = uri_of(&site.path("content/posts/a.md"));
    let (mut client, _) = Client::initialized(options(), json!({}));
    let text = "---\r\ntitle: 標題\r\nsource_url: https://a.example/\r\n---\r\n\r\n標題😀 ![](/images/posts/none.png)\r\n";
    client.open(&uri, 1, text);
    let diags = client.diagnostics(&uri, Some(1));
    assert_eq!(rules_of(&diags), ["broken-image"]);
    // "標題😀 ![](" = 1 + 1 + 2 + 1 + 4 UTF-16 units.
    assert_eq!(
        diags[0]["range"]["start"],
        json!({"line": 5, "character": 9})
    );
    // Type an emoji at the start of the line: the finding moves by two units.
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [
            {"range": {"start": {"line": 5, "character": 0}, "end": {"line": 5, "character": 0}}, "text": "🎉"}
        ]}),
    );
    let diags = client.diagnostics(&uri, Some(2));
    assert_eq!(
        diags[0]["range"]["start"],
        json!({"line": 5, "character": 11})
    );
    // Replace the image's name (after two emoji: UTF-16 columns 25 to 33).
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 3}, "contentChanges": [
            {"range": {"start": {"line": 5, "character": 25}, "end": {"line": 5, "character": 33}}, "text": "other.png"}
        ]}),
    );
    assert!(client.diagnostics(&uri, Some(3)).is_empty());
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn stale_results_are_never_published() {
    let site = blog();
    let uri = uri_of(&site.path("content/posts/a.md"));
    let hook: Arc<dyn Fn(&str) + Send + Sync> = Arc::new(|text: &str| {
        if text.contains("SLOW") {
            std::thread::sleep(Duration::from_millis(400));
        }
    });
    let options = Options {
        debounce: Duration::from_millis(5),
        lint_hook: Some(hook),
    };
    let (mut client, _) = Client::initialized(options, json!({}));
    client.open(&uri, 1, &BUFFER.replace("café", "SLOW"));
    std::thread::sleep(Duration::from_millis(100));
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": BUFFER}]}),
    );
    let first = client
        .wait_for(WAIT, |n| n.method == "textDocument/publishDiagnostics")
        .unwrap();
    assert_eq!(first.params["version"], 2, "{first:?}");

    // Closed while linted, and opened again at the same version with
    // another text: only the new text's findings are published.
    client.open(&uri, 5, &BUFFER.replace("café", "SLOW"));
    std::thread::sleep(Duration::from_millis(100));
    client.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": uri}}),
    );
    let without_image = BUFFER.replace("![](/images/posts/photo.jpg)", "");
    client.open(&uri, 5, &without_image);
    let next = client
        .wait_for(WAIT, |n| {
            n.method == "textDocument/publishDiagnostics" && n.params["version"] == 5
        })
        .unwrap();
    assert_eq!(
        rules_of(next.params["diagnostics"].as_array().unwrap()),
        ["empty-field"],
        "{next:?}"
    );
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn a_panic_while_linting_publishes_nothing_for_that_version() {
    let site = blog();
    let uri = uri_of(&site.path("content/posts/a.md"));
    let hook: Arc<dyn Fn(&str) + Send + Sync> = Arc::new(|text: &str| {
        assert!(!text.contains("PANIC"), "a test's panic inside the linter");
    });
    let options = Options {
        debounce: Duration::from_millis(5),
        lint_hook: Some(hook),
    };
    let (mut client, _) = Client::initialized(options, json!({}));
    client.open(&uri, 1, &format!("{BUFFER}PANIC\n"));
    let logged = client
        .wait_for(WAIT, |n| n.method == "window/logMessage")
        .expect("the panic is logged to the client");
    assert!(logged.params["message"]
        .as_str()
        .unwrap()
        .contains("panicked"));
    // Requests on that version are answered, with nothing.
    let r = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "context": {"diagnostics": []}}),
    );
    assert_eq!(r.result, Some(json!([])));
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": BUFFER}]}),
    );
    let first = client
        .wait_for(WAIT, |n| n.method == "textDocument/publishDiagnostics")
        .unwrap();
    assert_eq!(first.params["version"], 2);
    assert_eq!(first.params["diagnostics"].as_array().unwrap().len(), 2);
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn hover_on_keys_and_shortcodes() {
    let site = blog();
    let uri = uri_of(&site.path("content/posts/a.md"));
    let (mut client, _) = Client::initialized(options(), json!({}));
    let text = "---\ntitle: A\nsource_url: https://a.example/\ncategories: [\"AI 技術解析\"]\nweight: 3\n---\n{{< callout >}}x{{< /callout >}}\n";
    client.open(&uri, 1, text);
    assert!(client.diagnostics(&uri, Some(1)).is_empty());
    let hover = |client: &mut Client, line: u32, character: u32| {
        let r = client.request(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": character}}),
        );
        r.result.unwrap()["contents"]["value"]
            .as_str()
            .unwrap_or_default()
            .to_string()
    };
    let categories = hover(&mut client, 3, 3);
    assert!(
        categories.contains("allowed values: `AI 產業動態`, `AI 技術解析`"),
        "{categories}"
    );
    assert!(categories.contains("taxonomy"), "{categories}");
    let title = hover(&mut client, 1, 1);
    assert!(
        title.contains("type `string`, required") && title.contains("The page's title"),
        "{title}"
    );
    let weight = hover(&mut client, 4, 2);
    assert!(weight.contains("lower weights come first"), "{weight}");
    let callout = hover(&mut client, 6, 6);
    assert!(
        callout.contains("layouts/shortcodes/callout.html"),
        "{callout}"
    );
    assert!(callout.contains(".Inner"), "{callout}");
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn completion_of_values_terms_shortcodes_and_images() {
    let site = blog();
    site.write(
        "content/posts/bundle/index.md",
        "---\ntitle: B\nsource_url: https://b.example/\n---\n",
    )
    .write("content/posts/bundle/chart.png", "png");
    let uri = uri_of(&site.path("content/posts/bundle/index.md"));
    let (mut client, _) = Client::initialized(options(), json!({}));
    let text = "---\ntitle: B\nsource_url: https://b.example/\ncategories: [\"AI \nTAGS\ncover: \n---\n{{< \n![](/images/posts/\n![](ch\n";
    client.open(&uri, 1, text);
    client.diagnostics(&uri, Some(1));
    let labels = |client: &mut Client, line: u32, character: u32| -> (Vec<String>, Value) {
        let r = client.request(
            "textDocument/completion",
            json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": character}}),
        );
        let result = r.result.unwrap();
        let items = result["items"].as_array().cloned().unwrap_or_default();
        (
            items
                .iter()
                .map(|i| i["label"].as_str().unwrap().to_string())
                .collect(),
            result,
        )
    };
    let (values, result) = labels(&mut client, 3, 17);
    assert_eq!(values, ["AI 產業動態", "AI 技術解析"]);
    let edit = &result["items"][0]["textEdit"];
    assert_eq!(edit["newText"], "AI 產業動態");
    assert_eq!(edit["range"]["start"]["character"], 14);

    // Taxonomy terms come from the other pages (read in the background).
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": text.replace("TAGS", "tags: [")}]}),
    );
    let deadline = Instant::now() + WAIT;
    let terms = loop {
        let (terms, result) = labels(&mut client, 4, 7);
        if result["isIncomplete"] == false || Instant::now() > deadline {
            break terms;
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    assert_eq!(terms, ["hugo", "模型"]);

    let (shortcodes, _) = labels(&mut client, 7, 4);
    assert!(
        shortcodes.contains(&"callout".to_string()),
        "{shortcodes:?}"
    );
    assert!(shortcodes.contains(&"figure".to_string()), "{shortcodes:?}");

    let (images, _) = labels(&mut client, 8, 18);
    assert_eq!(images, ["Photo.jpg", "other.png"]);
    let (bundle, _) = labels(&mut client, 9, 6);
    assert_eq!(bundle, ["chart.png"]);
    let (field, _) = labels(&mut client, 5, 7);
    assert!(field.contains(&"chart.png".to_string()), "{field:?}");
    assert!(field.contains(&"/images/".to_string()), "{field:?}");
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn config_errors_reloads_and_new_images() {
    let site = blog();
    let uri = uri_of(&site.path("content/posts/a.md"));
    let config_uri = uri_of(&site.path("pagelint.toml"));
    let caps = json!({"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}});
    let (mut client, _) = Client::initialized(options(), caps);
    let text = "---\ntitle: A\nsource_url: https://a.example/\n---\n![](/images/new.png)\n";
    client.open(&uri, 1, text);
    assert_eq!(
        rules_of(&client.diagnostics(&uri, Some(1))),
        ["broken-image"]
    );

    // A new image: the client reports it, the finding goes.
    site.write("static/images/new.png", "png");
    let changed = |path: &str, kind: u8| json!({"changes": [{"uri": uri_of(&site.path(path)), "type": kind}]});
    client.notify(
        "workspace/didChangeWatchedFiles",
        changed("static/images/new.png", 1),
    );
    assert!(client.diagnostics(&uri, Some(1)).is_empty());

    // A config that does not load: a finding on it, the server lives on.
    site.write("pagelint.toml", "[rules]\nbroken-imag = \"off\"\n");
    client.notify(
        "workspace/didChangeWatchedFiles",
        changed("pagelint.toml", 2),
    );
    let config = client.diagnostics(&config_uri, None);
    assert_eq!(config.len(), 1);
    assert!(config[0]["message"]
        .as_str()
        .unwrap()
        .contains("broken-imag"));
    assert_eq!(config[0]["range"]["start"]["line"], 1);

    // Fixed: the finding on the config goes, and the new config applies.
    site.write("pagelint.toml", "[rules]\nrequired-field = \"off\"\n");
    client.notify(
        "workspace/didChangeWatchedFiles",
        changed("pagelint.toml", 2),
    );
    assert!(client.diagnostics(&config_uri, None).is_empty());
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": "no front matter\n"}]}),
    );
    assert!(client.diagnostics(&uri, Some(2)).is_empty());
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn several_sites_and_documents_outside_any() {
    let outer = TempSite::empty();
    outer
        .write("one/hugo.toml", "")
        .write(
            "one/pagelint.toml",
            "[[schema]]\nfiles = [\"content/**\"]\n[schema.fields.title]\nrequired = true\n",
        )
        .write("one/content/b.md", "---\ntitle: B\n---\n")
        .write("two/hugo.toml", "")
        .write("two/content/b.md", "")
        .write("notes/readme.md", "![](missing.png)\n");
    let (mut client, _) = Client::initialized(options(), json!({}));
    let outside = uri_of(&outer.path("notes/readme.md"));
    client.open(&outside, 1, "![](missing.png)\n");
    let one = uri_of(&outer.path("one/content/a.md"));
    let two = uri_of(&outer.path("two/content/a.md"));
    client.open(&one, 1, "---\ndraft: false\n---\n");
    client.open(&two, 1, "---\ndraft: false\n---\n");
    assert_eq!(
        rules_of(&client.diagnostics(&one, Some(1))),
        ["required-field"]
    );
    assert!(client.diagnostics(&two, Some(1)).is_empty());
    // A README beside the content folder is not a page either.
    let readme = uri_of(&outer.path("one/README.md"));
    client.open(&readme, 1, "![](missing.png)\n");
    let r = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": outside}, "position": {"line": 0, "character": 5}}),
    );
    assert_eq!(r.result, Some(Value::Null));
    let quiet = client.wait_for(Duration::from_millis(300), |n| {
        n.method == "textDocument/publishDiagnostics"
            && (n.params["uri"] == outside.as_str() || n.params["uri"] == readme.as_str())
    });
    assert!(quiet.is_none(), "{quiet:?}");
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn lifecycle_errors() {
    let mut client = Client::start(options());
    let early = client.request("textDocument/hover", json!({}));
    assert_eq!(early.error.unwrap().code, -32002);
    let bad = client.request("initialize", json!(3));
    assert_eq!(bad.error.unwrap().code, -32602);
    let ok = client.request("initialize", json!({"capabilities": {}}));
    assert!(ok.result.is_some());
    let again = client.request("initialize", json!({"capabilities": {}}));
    assert_eq!(again.error.unwrap().code, -32600);
    client.notify("initialized", json!({}));
    let unknown = client.request("textDocument/definition", json!({}));
    assert_eq!(unknown.error.unwrap().code, -32601);
    let invalid = client.request("textDocument/hover", json!({"textDocument": 5}));
    assert_eq!(invalid.error.unwrap().code, -32602);
    client.notify("textDocument/didOpen", json!({"nonsense": true}));
    client.notify("$/setTrace", json!({"value": "off"}));
    // A cancelled request that has not been handled yet is answered as cancelled.
    let id = client.send_request(
        "textDocument/hover",
        json!({"textDocument": {"uri": "file:///x.md"}, "position": {"line": 0, "character": 0}}),
    );
    client.notify("$/cancelRequest", json!({"id": id}));
    let r = client.response(id);
    assert!(
        r.error.as_ref().is_some_and(|e| e.code == -32800) || r.result == Some(Value::Null),
        "{r:?}"
    );
    let r = client.request("shutdown", Value::Null);
    assert_eq!(r.result, Some(Value::Null));
    let after = client.request("textDocument/hover", json!({}));
    assert_eq!(after.error.unwrap().code, -32600);
    client.notify("exit", Value::Null);
    assert_eq!(client.server.take().unwrap().join().unwrap(), 0);
    assert!(
        client
            .inbox
            .iter()
            .all(|n| n.method != "textDocument/publishDiagnostics"),
        "{:?}",
        client.inbox
    );
}

#[test]
fn exit_without_shutdown_is_status_1() {
    let (client, _) = Client::initialized(options(), json!({}));
    assert_eq!(client.exit_without_shutdown(), 1);
}

#[test]
fn pages_created_and_deleted_update_the_page_index() {
    let site = blog();
    let uri = uri_of(&site.path("content/posts/a.md"));
    let caps = json!({"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}});
    let (mut client, _) = Client::initialized(options(), caps);
    let text = "---\ntitle: A\nsource_url: https://a.example/\n---\nSee {{< ref \"/posts/later.md\" >}}.\n";
    client.open(&uri, 1, text);
    assert_eq!(rules_of(&client.diagnostics(&uri, Some(1))), ["broken-ref"]);
    let event = |kind: u8| json!({"changes": [{"uri": uri_of(&site.path("content/posts/later.md")), "type": kind}]});
    site.write("content/posts/later.md", "---\ntitle: Later\n---\n");
    client.notify("workspace/didChangeWatchedFiles", event(1));
    assert!(client.diagnostics(&uri, Some(1)).is_empty());
    std::fs::remove_file(site.path("content/posts/later.md")).unwrap();
    client.notify("workspace/didChangeWatchedFiles", event(3));
    assert_eq!(rules_of(&client.diagnostics(&uri, Some(1))), ["broken-ref"]);
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn after_shutdown_only_answers() {
    let site = blog();
    let uri = uri_of(&site.path("content/posts/a.md"));
    let options = Options {
        debounce: Duration::from_millis(200),
        ..Options::default()
    };
    let (mut client, _) = Client::initialized(options, json!({}));
    client.open(&uri, 1, BUFFER);
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": BUFFER}]}),
    );
    let r = client.request("shutdown", Value::Null);
    assert_eq!(r.result, Some(Value::Null));
    client.inbox.clear();
    let late = client.wait_for(Duration::from_millis(500), |_| true);
    assert!(late.is_none(), "{late:?}");
    client.notify("exit", Value::Null);
    assert_eq!(client.server.take().unwrap().join().unwrap(), 0);
}

#[test]
fn findings_about_the_site_go_to_its_config_file() {
    let site = blog();
    site.write(
        "hugo.toml",
        "baseURL = \"https://example.org/\"\ntheme = \"gone\"\n",
    );
    let uri = uri_of(&site.path("content/posts/a.md"));
    let (mut client, _) = Client::initialized(options(), json!({}));
    client.open(
        &uri,
        1,
        "---\ntitle: A\nsource_url: https://a.example/\n---\n",
    );
    let config = client.diagnostics(&uri_of(&site.path("hugo.toml")), None);
    assert_eq!(rules_of(&config), ["theme-missing"]);
    assert_eq!(config[0]["range"]["start"]["line"], 1);
    assert_eq!(config[0]["severity"], 2);
    assert!(client.diagnostics(&uri, Some(1)).is_empty());
    assert_eq!(client.shutdown(), 0);
}
