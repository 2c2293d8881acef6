//! YAML front matter (`---` … `---` at the start of a draft): its length and its `date:`.

use crate::value::PartialDate;

/// The byte length of the front matter block (0 when there is none) and its `date:` value.
pub fn read(text: &str) -> (usize, Option<PartialDate>) {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let bom = text.len() - body.len();
    let Some(rest) = body
        .strip_prefix("---")
        .filter(|rest| rest.starts_with(['\n', '\r']))
    else {
        return (0, None);
    };
    let mut lines = rest.split_inclusive('\n');
    let mut offset = bom + 3 + lines.next().map_or(0, str::len);
    let mut date = None;
    for line in lines {
        offset += line.len();
        let trimmed = line.trim_end();
        if trimmed == "---" || trimmed == "..." {
            return (offset, date);
        }
        if let Some(value) = trimmed.strip_prefix("date:") {
            let value = value.trim().trim_matches(['"', '\'']);
            let day = value.get(..10).unwrap_or(value);
            date = PartialDate::parse(day).or(PartialDate::parse(value));
        }
    }
    // No closing fence: not front matter.
    (0, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_date_and_the_length() {
        let text = "---\ntitle: x\ndate: 2013-07-17\n---\nBody";
        let (len, date) = read(text);
        assert_eq!(&text[len..], "Body");
        assert_eq!(date, Some(PartialDate::ymd(2013, 7, 17)));
    }

    #[test]
    fn accepts_quoted_and_timestamped_dates() {
        assert_eq!(
            read("---\ndate: \"2022-01-20T10:00:00Z\"\n---\n").1,
            Some(PartialDate::ymd(2022, 1, 20))
        );
    }

    #[test]
    fn no_closing_fence_is_no_front_matter() {
        assert_eq!(read("---\ndate: 2013-07-17\nno end"), (0, None));
        assert_eq!(read("Text first\n---\n"), (0, None));
    }
}
