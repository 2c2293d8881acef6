//! Suppression comments in drafts:
//! `<!-- factlint-disable FACT -->` … `<!-- factlint-enable FACT -->` and
//! `<!-- factlint-disable-next-line FACT -->`; without FACT they apply to every fact.

use crate::span::Span;

/// Regions of a draft where findings of some fact (or of all facts) are not reported.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Suppressions {
    regions: Vec<(Span, Option<String>)>,
}

impl Suppressions {
    pub fn parse(text: &str) -> Suppressions {
        let mut regions = Vec::new();
        let mut open: Vec<(usize, Option<String>)> = Vec::new();
        let mut search_from = 0;
        while let Some(found) = memchr::memmem::find(&text.as_bytes()[search_from..], b"<!--") {
            let start = search_from + found;
            let Some(close) = memchr::memmem::find(&text.as_bytes()[start + 4..], b"-->") else {
                break;
            };
            let end = start + 4 + close + 3;
            search_from = end;
            let inner = text[start + 4..start + 4 + close].trim();
            let mut words = inner.split_whitespace();
            let directive = words.next().unwrap_or("");
            let facts: Vec<String> = words
                .map(|word| word.trim_matches(',').to_string())
                .collect();
            let targets: Vec<Option<String>> = if facts.is_empty() {
                vec![None]
            } else {
                facts.into_iter().map(Some).collect()
            };
            match directive {
                "factlint-disable" => open.extend(targets.into_iter().map(|fact| (end, fact))),
                "factlint-enable" => {
                    for target in targets {
                        let mut index = open.len();
                        while index > 0 {
                            index -= 1;
                            if target.is_none() || open[index].1 == target {
                                let (from, fact) = open.remove(index);
                                regions.push((Span::new(from, start), fact));
                            }
                        }
                    }
                }
                "factlint-disable-next-line" => {
                    let line = next_line(text, end);
                    regions.extend(targets.into_iter().map(|fact| (line, fact)));
                }
                "factlint-disable-line" => {
                    let line_start = text[..start].rfind('\n').map_or(0, |at| at + 1);
                    let line_end = text[end..].find('\n').map_or(text.len(), |at| end + at);
                    regions.extend(
                        targets
                            .into_iter()
                            .map(|fact| (Span::new(line_start, line_end), fact)),
                    );
                }
                _ => {}
            }
        }
        regions.extend(
            open.into_iter()
                .map(|(from, fact)| (Span::new(from, text.len()), fact)),
        );
        Suppressions { regions }
    }

    /// Whether a finding of `fact` at `span` is suppressed.
    pub fn suppresses(&self, fact: &str, span: Span) -> bool {
        self.regions.iter().any(|(region, target)| {
            region.start <= span.start
                && span.start < region.end.max(region.start + 1)
                && target.as_deref().is_none_or(|target| target == fact)
        })
    }

    pub fn is_empty(&self) -> bool {
        self.regions.is_empty()
    }
}

/// The line after the one that holds `offset` (skipping blank lines).
fn next_line(text: &str, offset: usize) -> Span {
    let mut start = text[offset..]
        .find('\n')
        .map_or(text.len(), |at| offset + at + 1);
    while start < text.len() {
        let end = text[start..].find('\n').map_or(text.len(), |at| start + at);
        if !text[start..end].trim().is_empty() {
            return Span::new(start, end);
        }
        start = end + 1;
    }
    Span::new(text.len(), text.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_line_and_regions() {
        let text = "a\n<!-- factlint-disable-next-line talks_date -->\nwrong here\nok\n<!-- factlint-disable -->\nall off\n<!-- factlint-enable -->\non again";
        let suppressions = Suppressions::parse(text);
        let at = |needle: &str| {
            let start = text.find(needle).unwrap();
            Span::new(start, start + needle.len())
        };
        assert!(suppressions.suppresses("talks_date", at("wrong")));
        assert!(!suppressions.suppresses("other_fact", at("wrong")));
        assert!(!suppressions.suppresses("talks_date", at("ok")));
        assert!(suppressions.suppresses("anything", at("all off")));
        assert!(!suppressions.suppresses("anything", at("on again")));
    }

    #[test]
    fn an_unterminated_comment_is_ignored() {
        assert!(Suppressions::parse("<!-- factlint-disable").is_empty());
    }
}
