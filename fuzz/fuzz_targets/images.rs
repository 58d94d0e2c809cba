//! Images: every image of a body (Markdown, reference, `<img>`, `figure`),
//! with the span of its path inside the text on char boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pagelint::body;
use pagelint_fuzz::check_span;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let text = text.as_ref();
    let shortcodes = body::shortcodes(text, 0, pagelint::version::HugoVersion::LATEST);
    for image in body::images(text, 0..text.len(), &shortcodes) {
        check_span(text, &image.span, "image");
    }
});
