//! Fuzz target: the extractor on arbitrary UTF-8 never panics, and its spans are inside the
//! input, on char boundaries, sorted and non-overlapping.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let values = factlint::extract::extract(text);
    let mut previous_end = 0;
    for value in &values {
        let span = value.span;
        assert!(span.start < span.end, "empty span {span:?}");
        assert!(span.end <= text.len(), "span past the end {span:?}");
        assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        assert!(span.start >= previous_end, "overlap or disorder at {span:?}");
        if let Some(hedge) = value.hedge_span {
            assert!(hedge.end <= text.len());
            assert!(text.is_char_boundary(hedge.start) && text.is_char_boundary(hedge.end));
        }
        assert!(value.value.number().is_none_or(f64::is_finite));
        previous_end = span.end;
    }
});
