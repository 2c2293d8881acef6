//! Unit tests of the parser: every construct, escapes, numbers, each syntax error, recovery.

use super::*;

/// Parse text that must have no syntax error.
fn parse_clean(text: &str) -> File {
    let (file, errors) = parse(text);
    assert!(errors.is_empty(), "unexpected errors: {errors:#?}");
    file
}

/// Parse text that must give exactly one syntax error; returns its message and underlined text.
fn parse_error(text: &str) -> (String, String) {
    let (_, errors) = parse(text);
    assert_eq!(errors.len(), 1, "expected one error, got {errors:#?}");
    let error = &errors[0];
    let underlined = error.span.slice(text).unwrap_or("<bad span>").to_string();
    (error.message(), underlined)
}

fn only_fact(file: &File) -> &FactDecl {
    match file.statements.as_slice() {
        [Statement::Fact(fact)] => fact,
        other => panic!("expected one fact, got {other:#?}"),
    }
}

fn expect_value(text: &str) -> ValueExpr {
    let file = parse_clean(&format!("fact f\n  when \"x\"\n  expect {text}\n"));
    let fact = only_fact(&file);
    fact.clauses
        .iter()
        .find_map(|clause| match &clause.kind {
            FactClauseKind::Expect(value) => Some(value.clone()),
            _ => None,
        })
        .expect("an expect clause")
}

#[test]
fn include_statement() {
    let text = "include \"people.facts\"\n";
    let file = parse_clean(text);
    let [Statement::Include(include)] = file.statements.as_slice() else {
        panic!("{file:#?}");
    };
    assert_eq!(include.path.value, "people.facts");
    assert_eq!(include.path.span.slice(text), Some("\"people.facts\""));
}

#[test]
fn source_with_every_clause() {
    let text = "source belta \"Talks in Beijing\"\n  date 2013-07-16\n  publisher \"BelTA\"\n  url \"https://example.org/\"\n";
    let file = parse_clean(text);
    let [Statement::Source(source)] = file.statements.as_slice() else {
        panic!("{file:#?}");
    };
    assert_eq!(source.id.name, "belta");
    assert_eq!(source.id.span.slice(text), Some("belta"));
    assert_eq!(source.title.value, "Talks in Beijing");
    assert_eq!(source.clauses.len(), 3);
    let SourceClauseKind::Date(date) = &source.clauses[0].kind else {
        panic!("{source:#?}");
    };
    assert_eq!(
        (date.year, date.month, date.day),
        (Some(2013), Some(7), Some(16))
    );
    assert_eq!(date.span.slice(text), Some("2013-07-16"));
    assert_eq!(
        source.span.slice(text).map(str::trim_end),
        Some(text.trim_end())
    );
}

#[test]
fn entity_with_lists_titles_and_examples() {
    let text = concat!(
        "person li \"Li Keqiang\" aka \"Premier Li\", \"Li\" adj \"Li's\"\n",
        "  avoid \"Li Keqiang's\"\n",
        "  title \"Premier\" aka \"Chinese Premier\" from 2013-03-15 to 2023-03-11 cite src\n",
        "  title \"Vice Premier\" from 2008\n",
        "  cite src\n",
        "  severity warning\n",
        "  bad \"[Vice Premier] Li\"\n",
    );
    let file = parse_clean(text);
    let [Statement::Entity(entity)] = file.statements.as_slice() else {
        panic!("{file:#?}");
    };
    assert_eq!(entity.class.name, "person");
    let kinds: Vec<&EntityClauseKind> = entity.clauses.iter().map(|clause| &clause.kind).collect();
    assert_eq!(kinds.len(), 8);
    let EntityClauseKind::Aka(aliases) = kinds[0] else {
        panic!()
    };
    assert_eq!(aliases.len(), 2);
    let EntityClauseKind::Title(title) = kinds[3] else {
        panic!("{kinds:#?}")
    };
    assert_eq!(title.name.value, "Premier");
    assert_eq!(title.aliases[0].value, "Chinese Premier");
    assert_eq!(title.from.map(|date| date.year), Some(Some(2013)));
    assert_eq!(title.to.map(|date| date.month), Some(Some(3)));
    assert_eq!(
        title.cite.as_ref().map(|cite| cite.name.as_str()),
        Some("src")
    );
    let EntityClauseKind::Title(second) = kinds[4] else {
        panic!()
    };
    assert_eq!(
        second.from.map(|date| (date.year, date.month)),
        Some((Some(2008), None))
    );
    assert!(matches!(kinds[5], EntityClauseKind::Cite(_)));
    assert!(matches!(kinds[6], EntityClauseKind::Severity(word) if word.name == "warning"));
    let EntityClauseKind::Example(example) = kinds[7] else {
        panic!()
    };
    assert!(!example.ok);
    assert_eq!(example.text.brackets.len(), 2);
    assert_eq!(example.text.brackets[0].span.slice(text), Some("["));
}

#[test]
fn event_with_every_clause() {
    let text = "event visit \"State visit\"\n  from 2013-07-15 to 2013-07-18\n  with a, b\n  aka \"the visit\"\n  cite src\n";
    let file = parse_clean(text);
    let [Statement::Event(event)] = file.statements.as_slice() else {
        panic!("{file:#?}");
    };
    assert_eq!(event.clauses.len(), 5);
    let EventClauseKind::With(entities) = &event.clauses[2].kind else {
        panic!()
    };
    let names: Vec<&str> = entities.iter().map(|entity| entity.name.as_str()).collect();
    assert_eq!(names, ["a", "b"]);
}

#[test]
fn fact_with_every_clause() {
    let text = concat!(
        "fact talks # a comment\n",
        "  cite src\n",
        "  event visit\n",
        "  when \"talks\" | \"negotiations\"\n",
        "\n",
        "  # comments and blank lines do not end a statement\n",
        "  near \"held\" | \"took place\"\n",
        "  near \"Beijing\"\n",
        "  unless \"next year\"\n",
        "  with china, belarus\n",
        "  scope paragraph\n",
        "  pattern \"talks in {value}\"\n",
        "  expect entity beijing\n",
        "  affirm\n",
        "  severity info\n",
        "  message \"Held in {expected}, not {found}.\"\n",
        "  tags visit_2013, places\n",
        "  ok \"Talks in Beijing.\"\n",
    );
    let file = parse_clean(text);
    let fact = only_fact(&file);
    assert_eq!(fact.id.name, "talks");
    let keywords: Vec<&str> = fact
        .clauses
        .iter()
        .filter_map(|clause| clause.keyword.slice(text))
        .collect();
    assert_eq!(
        keywords,
        [
            "cite", "event", "when", "near", "near", "unless", "with", "scope", "pattern",
            "expect", "affirm", "severity", "message", "tags", "ok"
        ]
    );
    let FactClauseKind::When(cues) = &fact.clauses[2].kind else {
        panic!()
    };
    assert_eq!(cues[1].value, "negotiations");
    assert_eq!(cues[1].span.slice(text), Some("\"negotiations\""));
}

#[test]
fn clauses_may_share_the_first_line() {
    let file = parse_clean("fact f when \"a\" expect count 3\n");
    assert_eq!(only_fact(&file).clauses.len(), 2);
}

#[test]
fn every_value_type() {
    let date = expect_value("date --07-16");
    assert!(matches!(
        date.kind,
        ValueKind::Date(DateLit {
            year: None,
            month: Some(7),
            day: Some(16),
            ..
        })
    ));
    let month = expect_value("date 2013-07");
    assert!(matches!(
        month.kind,
        ValueKind::Date(DateLit {
            year: Some(2013),
            month: Some(7),
            day: None,
            ..
        })
    ));
    let count = expect_value("count 20 approx");
    assert!(
        matches!(&count.kind, ValueKind::Number { count: true, number } if number.value == 20.0)
    );
    assert!(matches!(
        count.tolerance,
        Some(ToleranceLit {
            kind: ToleranceKind::Approx,
            ..
        })
    ));
    let number = expect_value("number 1500 tolerance 5%");
    assert!(
        matches!(&number.tolerance, Some(ToleranceLit { kind: ToleranceKind::Relative(five), .. }) if five.value == 5.0)
    );
    let absolute = expect_value("number 1500 tolerance 20");
    assert!(
        matches!(&absolute.tolerance, Some(ToleranceLit { kind: ToleranceKind::Absolute(twenty), .. }) if twenty.value == 20.0)
    );
    let money = expect_value("money USD 1.5 billion");
    let ValueKind::Money { currency, amount } = &money.kind else {
        panic!("{money:#?}")
    };
    assert_eq!(currency.code, "USD");
    assert_eq!(amount.value, 1.5e9);
    assert_eq!(amount.scale, Some(Scale::Billion));
    let euro = expect_value("money €20m");
    assert!(
        matches!(&euro.kind, ValueKind::Money { currency, amount } if currency.code == "EUR" && amount.value == 2e7)
    );
    let percent = expect_value("percent 12.5%");
    assert!(matches!(&percent.kind, ValueKind::Percent(number) if number.value == 12.5));
    assert!(matches!(
        expect_value("ordinal 21").kind,
        ValueKind::Ordinal(_)
    ));
    assert!(
        matches!(expect_value("entity beijing").kind, ValueKind::Entity(ref id) if id.name == "beijing")
    );
    let parties = expect_value("parties minsk, shenzhen");
    assert!(matches!(&parties.kind, ValueKind::Parties(ids) if ids.len() == 2));
    assert!(
        matches!(expect_value("anniversary of x").kind, ValueKind::Anniversary(ref id) if id.name == "x")
    );
    assert!(
        matches!(expect_value("duration of x").kind, ValueKind::Duration(ref id) if id.name == "x")
    );
    assert!(
        matches!(expect_value("consistent money").kind, ValueKind::Consistent(ref id) if id.name == "money")
    );
}

#[test]
fn numbers_with_separators_and_scales() {
    let cases = [
        ("1500", 1500.0),
        ("1_500", 1500.0),
        ("1,500", 1500.0),
        ("1,500,000", 1.5e6),
        ("1.5", 1.5),
        ("-3", -3.0),
        ("2 thousand", 2e3),
        ("3k", 3e3),
        ("1.2 million", 1.2e6),
        ("4 m", 4e6),
        ("5 mln", 5e6),
        ("1.5bn", 1.5e9),
        ("7 bln", 7e9),
        ("2 billion", 2e9),
        ("1 trillion", 1e12),
    ];
    for (written, value) in cases {
        let parsed = expect_value(&format!("number {written}"));
        let ValueKind::Number { number, .. } = &parsed.kind else {
            panic!("{written}")
        };
        assert_eq!(number.value, value, "{written}");
    }
}

#[test]
fn number_span_covers_the_scale_word() {
    let text = "fact f\n  when \"x\"\n  expect money USD 1.5 billion\n";
    let file = parse_clean(text);
    let Some(FactClauseKind::Expect(value)) =
        only_fact(&file).clauses.get(1).map(|clause| &clause.kind)
    else {
        panic!()
    };
    let ValueKind::Money { amount, currency } = &value.kind else {
        panic!()
    };
    assert_eq!(amount.span.slice(text), Some("1.5 billion"));
    assert_eq!(currency.span.slice(text), Some("USD"));
    assert_eq!(value.span.slice(text), Some("expect money USD 1.5 billion"));
}

#[test]
fn string_escapes_are_decoded() {
    let text = r#"fact f when "a \"quoted\" \\ back\nline\ttab \u{1F600} \[not a marker\]""#;
    let file = parse_clean(text);
    let FactClauseKind::When(cues) = &only_fact(&file).clauses[0].kind else {
        panic!()
    };
    assert_eq!(
        cues[0].value,
        "a \"quoted\" \\ back\nline\ttab 😀 [not a marker]"
    );
    assert!(cues[0].brackets.is_empty());
}

#[test]
fn unescaped_brackets_are_recorded_at_decoded_offsets() {
    let text = r#"fact f when "x" bad "é \[ [wrong]""#;
    let file = parse_clean(text);
    let FactClauseKind::Example(example) = &only_fact(&file).clauses[1].kind else {
        panic!()
    };
    let value = &example.text.value;
    assert_eq!(value, "é [ [wrong]");
    let at: Vec<usize> = example
        .text
        .brackets
        .iter()
        .map(|bracket| bracket.at)
        .collect();
    assert_eq!(at, [value.rfind('[').unwrap(), value.find(']').unwrap()]);
}

#[test]
fn unknown_escape_points_at_it() {
    let (message, underlined) = parse_error("fact f when \"a\\qb\"\n");
    assert_eq!(message, "unknown escape `\\q` in a string");
    assert_eq!(underlined, "\\q");
}

#[test]
fn bad_unicode_escape() {
    let (message, underlined) = parse_error("fact f when \"a\\u{zz}\"\n");
    assert_eq!(message, "invalid Unicode escape in a string");
    assert_eq!(underlined, "\\u{zz}");
}

#[test]
fn unterminated_string() {
    let (message, underlined) = parse_error("fact f\n  when \"open\n  expect count 1\n");
    assert_eq!(message, "unterminated string");
    assert_eq!(underlined, "\"open");
}

#[test]
fn missing_date_says_what_was_expected() {
    let (message, underlined) = parse_error("event e \"E\"\n  from July\n");
    assert_eq!(
        message,
        "expected a date like 1992-01-20, 1992-01, 1992 or --07-16 after `from`, found `July`"
    );
    assert_eq!(underlined, "July");
}

#[test]
fn malformed_date() {
    let (message, _) = parse_error("event e \"E\"\n  from 1992-1-20\n");
    assert!(
        message.starts_with("expected a date like 1992-01-20"),
        "{message}"
    );
}

#[test]
fn unknown_clause_suggests_the_near_one() {
    let (message, underlined) = parse_error("fact f\n  whne \"a\"\n");
    assert_eq!(
        message,
        "unknown clause `whne` in fact (did you mean `when`?)"
    );
    assert_eq!(underlined, "whne");
}

#[test]
fn a_percent_sign_may_stand_after_a_space() {
    let percent = expect_value("percent 55 %");
    assert!(matches!(&percent.kind, ValueKind::Percent(number) if number.value == 55.0));
    let file = parse_clean("fact f\n  when \"x\"\n  expect percent 1 tolerance 5 %\n");
    assert_eq!(only_fact(&file).clauses.len(), 2);
}

/// The help line of the one syntax error in `text`.
fn help_of(text: &str) -> String {
    let (_, errors) = parse(text);
    assert_eq!(errors.len(), 1, "expected one error, got {errors:#?}");
    errors[0].help.clone().unwrap_or_default()
}

#[test]
fn likely_slips_get_their_own_help() {
    assert!(help_of("fact f\n  when \"a\", \"b\"\n").contains("with `|`"));
    assert!(help_of("fact f\n  when \"a\"\n  expect date 2015/12/12\n").contains("YYYY-MM-DD"));
    assert!(help_of("fact f\n  when \"a\"\n  tags cop-21\n").contains("`cop_21`"));
    assert!(help_of("fact f\n  when \"adopted | \"agreed\"\n").contains("closed early"));
    assert!(
        help_of("person p \"P\"\n  title \"Mayor\"\n  from 2012-01-01\n")
            .contains("the title's own line")
    );
    assert!(help_of("fact f\n  when \"a\"\n  expect number 2.5 about\n").contains("`approx`"));
    assert!(help_of("fact f\n  when \"a\"\n  expect count eight\n").contains("in digits"));
    let (message, _) = parse_error("event e \"E\"\n  wiht a\n");
    assert!(message.contains("in event"), "{message}");
}

#[test]
fn unknown_statement_keyword() {
    let (_, errors) = parse("fcat f\n  when \"a\"\n");
    assert_eq!(errors.len(), 1);
    assert_eq!(
        errors[0].message(),
        "unknown statement keyword `fcat` (did you mean `fact`?)"
    );
    let help = errors[0].help.clone().unwrap_or_default();
    assert!(
        help.contains("`fact`") && help.contains("`country`"),
        "{help}"
    );
}

#[test]
fn unknown_value_type() {
    let (message, _) = parse_error("fact f when \"a\" expect dat 1992\n");
    assert_eq!(
        message,
        "unknown value type `dat` after `expect` (did you mean `date`?)"
    );
}

#[test]
fn missing_currency() {
    let (message, _) = parse_error("fact f when \"a\" expect money 5\n");
    assert!(
        message.starts_with("expected a currency code like USD"),
        "{message}"
    );
}

#[test]
fn invalid_numbers() {
    for bad in ["1.5.3", "15x", "1,50"] {
        let (_, errors) = parse(&format!("fact f when \"a\" expect number {bad}\n"));
        assert_eq!(errors.len(), 1, "{bad}: {errors:#?}");
    }
}

#[test]
fn missing_id() {
    let (message, _) = parse_error("fact \"f\"\n");
    assert_eq!(
        message,
        "expected an identifier like `belarus` after `fact`, found `\"`"
    );
}

#[test]
fn title_part_given_twice() {
    let (message, _) = parse_error("person p \"P\"\n  title \"T\" from 2000 from 2001\n");
    assert_eq!(message, "`from` given twice in one title");
}

#[test]
fn recovery_reports_every_broken_statement_and_keeps_the_good_ones() {
    let text = concat!(
        "country a \"A\"\n",
        "fact broken_one\n",
        "  whne \"x\"\n",
        "country b \"B\"\n",
        "fact broken_two\n",
        "  when \"unterminated\n",
        "this line is junk\n",
        "and so is this one\n",
        "fact good\n",
        "  when \"y\"\n",
        "  expect count 2\n",
        "event broken_three \"E\" from 2013-07\n  to\n",
        "city c \"C\"\n",
    );
    let (file, errors) = parse(text);
    assert_eq!(errors.len(), 3, "{errors:#?}");
    let ids: Vec<&str> = file
        .statements
        .iter()
        .map(|statement| match statement {
            Statement::Entity(entity) => entity.id.name.as_str(),
            Statement::Fact(fact) => fact.id.name.as_str(),
            _ => "?",
        })
        .collect();
    assert_eq!(ids, ["a", "b", "good", "c"]);
    assert_eq!(
        file.damaged_ids,
        ["broken_one", "broken_two", "broken_three"]
    );
}

#[test]
fn indented_text_before_any_statement_is_an_error() {
    let text = "# comment\n  ok \"orphan\"\nfact f when \"a\" affirm\n";
    let (file, errors) = parse(text);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(errors[0].span.slice(text), Some("ok"));
    assert_eq!(file.statements.len(), 1);
}

#[test]
fn hostile_inputs_do_not_panic_and_finish() {
    let long_line = "x".repeat(2 * 1024 * 1024);
    let nested = format!("fact f when \"a\" bad \"{}\"\n", "[".repeat(100_000));
    let nul = "fact f\0 when \"\0\"\n\0\0".to_string();
    let junk: String = (0u32..5000)
        .filter_map(|code| char::from_u32(code * 7 % 0x2FFF))
        .collect();
    for input in [long_line, nested, nul, junk] {
        let (_, errors) = parse(&input);
        let _ = errors.iter().map(SyntaxError::message).count();
    }
}
