//! The rule-language document and the parser agree: every `facts` code block in
//! `docs/rule-language.md` parses without a syntax error. Blocks that show clauses on their own
//! (no statement keyword) are checked line by line inside a fact.

use factlint::dsl::parse;

fn facts_blocks(markdown: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for line in markdown.lines() {
        match current.as_mut() {
            None if line.trim_start() == "```facts" => current = Some(String::new()),
            None => {}
            Some(block) if line.trim_start() == "```" => {
                blocks.push(std::mem::take(block));
                current = None;
            }
            Some(block) => {
                block.push_str(line);
                block.push('\n');
            }
        }
    }
    blocks
}

#[test]
fn every_example_in_the_language_document_parses() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rule-language.md");
    let markdown = std::fs::read_to_string(path).expect("read the document");
    let blocks = facts_blocks(&markdown);
    assert!(blocks.len() >= 12, "found only {} blocks", blocks.len());
    for block in blocks {
        let first = block
            .lines()
            .find(|line| !line.trim().is_empty() && !line.trim_start().starts_with('#'))
            .unwrap_or("");
        let texts: Vec<String> = if first.starts_with(' ') || first.starts_with("expect") {
            block
                .lines()
                .filter(|line| !line.trim().is_empty())
                .map(|line| format!("fact doc_example\n  when \"x\"\n  {}\n", line.trim()))
                .collect()
        } else {
            vec![block.clone()]
        };
        for text in texts {
            let (_, errors) = parse(&text);
            assert!(errors.is_empty(), "in\n{text}\n{errors:#?}");
        }
    }
}
