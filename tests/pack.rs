//! The bundled rule pack: it validates, lists at least 25 facts, and its JSON listing is a
//! snapshot, so that every change to `rules/` shows up in review.

use std::process::Command;

#[test]
fn the_bundled_pack_lists_its_facts() {
    let output = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["rules", "rules", "--format", "json"])
        .output()
        .expect("factlint runs");
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let listing: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let facts = listing["facts"].as_array().map_or(0, Vec::len);
    assert!(facts >= 25, "only {facts} facts");
    for fact in listing["facts"].as_array().into_iter().flatten() {
        assert!(fact["source"].is_string(), "{fact} cites no source");
    }
    insta::assert_json_snapshot!(listing);
}
