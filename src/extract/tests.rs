//! Table-driven tests of the extractor: each case is a text and the value forms it must yield,
//! in order. Traps (times, identifiers, phone numbers, decades) expect nothing.

use super::*;

fn forms(text: &str) -> Vec<String> {
    extract(text)
        .iter()
        .map(|value| value.value.form())
        .collect()
}

#[track_caller]
fn check(text: &str, expected: &[&str]) {
    assert_eq!(forms(text), expected, "text: {text:?}");
}

/// Each case: the text, then the value forms expected in it.
fn run_table(table: &[(&str, &[&str])]) {
    run_table_as(table, |value| value.value.form());
}

/// [`run_table`] with each value written by `show`.
fn run_table_as(table: &[(&str, &[&str])], show: impl Fn(&Extracted) -> String) {
    let mut failures = Vec::new();
    for (text, expected) in table {
        let got: Vec<String> = extract(text).iter().map(&show).collect();
        if got != *expected {
            failures.push(format!("{text:?}: expected {expected:?}, got {got:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn dates() {
    run_table(&[
        ("Relations began on 20 January 1992.", &["1992-01-20"]),
        ("Relations began on January 20, 1992.", &["1992-01-20"]),
        ("Relations began on Jan. 20, 1992.", &["1992-01-20"]),
        ("It was the 20th of January 1992.", &["1992-01-20"]),
        ("It was the 20th of January, 1992.", &["1992-01-20"]),
        ("Monday, 20 January 1992 was cold.", &["1992-01-20"]),
        ("Filed 20.01.1992 in Minsk.", &["1992-01-20"]),
        ("Filed 1992-01-20 in Minsk.", &["1992-01-20"]),
        ("Filed 20/01/1992 in Minsk.", &["1992-01-20"]),
        ("Filed 01/20/1992 in Minsk.", &["1992-01-20"]),
        ("Filed 05/07/2013.", &["2013-07-05"]),
        ("The treaty of January 1992 holds.", &["1992-01"]),
        ("They met in 1992.", &["1992"]),
        ("Trade has grown since 2005.", &["2005"]),
        ("Done by 2020, they said.", &["2020"]),
        ("The plan runs until 2030.", &["2030"]),
        ("In early 1995 the talks resumed.", &["1995"]),
        ("Work began in mid-2013.", &["2013"]),
        ("The year 1992 was pivotal.", &["1992"]),
        ("He arrived on 16 July.", &["--07-16"]),
        ("He arrived on July 16.", &["--07-16"]),
        ("Meetings on July 18th: the premier.", &["--07-18"]),
        ("Agenda for July 18: talks.", &["--07-18"]),
        (
            "Talks on 16–17 July 2013 went well.",
            &["2013-07-16", "2013-07-17"],
        ),
        ("Talks on 16-17 July went well.", &["--07-16", "--07-17"]),
        // A range across months shares its year.
        (
            "It ran 30 November–12 December 2015.",
            &["2015-11-30", "2015-12-12"],
        ),
        (
            "It ran from 30 Nov to 12 Dec 2015.",
            &["2015-11-30", "2015-12-12"],
        ),
        (
            "It ran 30 Nov - 12 Dec 2015.",
            &["2015-11-30", "2015-12-12"],
        ),
        (
            "It ran from 30 December 2015 to 2 January.",
            &["2015-12-30", "2016-01-02"],
        ),
        (
            "It ran 30 December – 2 January 2016.",
            &["2015-12-30", "2016-01-02"],
        ),
        (
            "They met on 16 July and 17 July 2014.",
            &["2014-07-16", "2014-07-17"],
        ),
        (
            "Talks on July 16-17, 2013 went well.",
            &["2013-07-16", "2013-07-17"],
        ),
        ("Tuesday the 16th of July was set.", &["--07-16"]),
        ("Due on Sept. 3, 2014.", &["2014-09-03"]),
        ("Due on Sep 3 2014.", &["2014-09-03"]),
        ("Due on 3 Sept 2014.", &["2014-09-03"]),
        ("Due on Feb 29, 2012.", &["2012-02-29"]),
        ("Signed 31/10/74 in Paris.", &["1974-10-31"]),
        ("Signed 3/3/15 in Paris.", &["2015-03-03"]),
        ("Signed 31-Oct-74.", &["1974-10-31"]),
        ("Signed 31/Oct/1974.", &["1974-10-31"]),
        ("It opened March 3rd 2015.", &["2015-03-03"]),
        ("It opened on the third of March.", &["--03-03"]),
        ("It opened on march first.", &["--03-01"]),
        ("It closes on the third day of October.", &["--10-03"]),
        ("The 4th of July parade.", &["--07-04"]),
        ("Wed, Feb 13 works.", &["--02-13"]),
        ("Jul 18, Fri is fine.", &["--07-18"]),
        ("Meet on 14april 2015.", &["2015-04-14"]),
        ("They met on 15/2.", &["--02-15"]),
        ("They met on 2/15.", &["--02-15"]),
        ("They met on 10/10.", &["--10-10"]),
        (
            "Signed in 1992 and renewed on 5 May 2003.",
            &["1992", "2003-05-05"],
        ),
        ("From 1992 to 1995 prices rose.", &["1992", "1995"]),
        ("Between 1992 and 1995 prices rose.", &["1992", "1995"]),
        ("The war of 1812 ended.", &["1812"]),
        (
            "On 20 January 1992 and on 2 February 1993.",
            &["1992-01-20", "1993-02-02"],
        ),
        (
            "On 12 March 2013, 40 delegates came.",
            &["2013-03-12", "40"],
        ),
        ("In 2013 exports were 200 tons.", &["2013", "200"]),
        ("Expected in December 2014.", &["2014-12"]),
        ("Held on 31 10 1974.", &["1974-10-31"]),
        ("Held on 10.31.1974.", &["1974-10-31"]),
        ("Held on 2015-3-3.", &["2015-03-03"]),
        ("Held on 30 February 2013.", &["30", "2013-02"]),
        ("Fri, Jul 18 it is.", &["--07-18"]),
        ("February the 15th was chosen.", &["--02-15"]),
        ("The 21st of May, 2013.", &["2013-05-21"]),
        ("the 1st of march", &["--03-01"]),
        (
            "The fair runs 5 to 10 May 2014.",
            &["2014-05-05", "2014-05-10"],
        ),
        ("Open between 3 and 7 June.", &["--06-03", "--06-07"]),
        ("Aged 20 to 16 July 2013 rules.", &["20", "2013-07-16"]),
    ]);
}

#[test]
fn month_first_option_swaps_the_order() {
    let options = Options {
        date_order: DateOrder::MonthFirst,
        dollar: "USD".to_string(),
    };
    let read = |text: &str| -> Vec<String> {
        extract_with(text, &options)
            .iter()
            .map(|value| value.value.form())
            .collect()
    };
    assert_eq!(read("05/07/2013"), ["2013-05-07"]);
    assert_eq!(read("31/10/1974"), ["1974-10-31"]);
    assert_eq!(read("1/2/2000"), ["2000-01-02"]);
}

#[test]
fn numbers() {
    run_table(&[
        ("We counted 1,500 votes.", &["1500"]),
        ("We counted 1 500 votes.", &["1500"]),
        ("We counted 1\u{a0}500 votes.", &["1500"]),
        ("We counted 1\u{2009}500\u{2009}000 votes.", &["1500000"]),
        ("The ratio is 1.5 now.", &["1.5"]),
        ("There were twenty-one of them.", &["21"]),
        ("There were one hundred and five of them.", &["105"]),
        ("A dozen came.", &["12"]),
        ("Some 1.5 billion people.", &["1500000000"]),
        ("A fund of 1,5 bln was set up.", &["1500000000"]),
        ("It cost 1.5bn, more or less.", &["1500000000"]),
        ("Output of 3 mln tonnes.", &["3000000"]),
        ("Half a million visitors.", &["500000"]),
        ("Over 100K downloads.", &["100000"]),
        ("It fell to -5 overnight.", &["-5"]),
        ("It fell to minus 5 overnight.", &["-5"]),
        // A spaced dash before a day and its month is a list marker or a range dash.
        ("- 5 November 2016: in force.", &["2016-11-05"]),
        ("Zero errors.", &["0"]),
        ("Ninety-nine bottles.", &["99"]),
        ("A hundred ships.", &["100"]),
        ("A thousand cranes.", &["1000"]),
        ("A couple of days.", &["2"]),
        ("A pair of shoes.", &["2"]),
        ("Two thousand and twelve people.", &["2012"]),
        ("Three million two hundred thousand.", &["3200000"]),
        ("Two point five million.", &["2500000"]),
        ("It is 0.77 exactly.", &["0.77"]),
        ("It is .77 exactly.", &["0.77"]),
        ("Seven hundred twenty-one thousand and twelve.", &["721012"]),
        ("3 million people live there.", &["3000000"]),
        ("Thirty lakh rupees.", &["INR 3000000"]),
        ("Five crore rupees.", &["INR 50000000"]),
        ("Two dozen eggs.", &["24"]),
        ("It weighs 12.5 kg.", &["12.5"]),
        ("Only 20/100 passed.", &["0.2"]),
        ("The value is 100,000.0 now.", &["100000"]),
        ("A number like 1,992 is not a year.", &["1992"]),
        ("About 1992 tons.", &["1992"]),
        ("With 3M users.", &["3000000"]),
        ("With 1.2M users.", &["1200000"]),
        ("Negative five hundred and four.", &["-504"]),
        ("He has one brother.", &["1"]),
        ("Eleven players.", &["11"]),
        ("Nineteen ninety-two.", &["1992"]),
        ("She ran 10 km in 40 minutes.", &["10", "40"]),
        ("Score was 42, then 43.", &["42", "43"]),
        ("The lists held 1,2 and 3.", &["1", "2", "3"]),
        ("a few", &["3"]),
        ("Two-thirds of voters agreed.", &["0.666667"]),
        ("Three quarters of them left.", &["0.75"]),
        ("A 300-million strong market.", &["300000000"]),
        ("One twenty two is the code.", &["122"]),
        ("It costs 1 point 5 units.", &["1.5"]),
        ("Exactly 0033 items.", &["33"]),
        ("Only 2 dozens left.", &["24"]),
        ("Minus 1,200,000 in total.", &["-1200000"]),
        ("It reached -1.2M.", &["-1200000"]),
        ("Trucks with Euro 6 engines.", &["6"]),
        ("She ran 400m in 50 seconds.", &["400", "50"]),
        ("A 300m euros deal.", &["EUR 300000000"]),
        ("The 3-1 win.", &["3", "1"]),
    ]);
}

#[test]
fn money() {
    run_table(&[
        ("A deal worth $1.5 billion.", &["USD 1500000000"]),
        ("A deal worth US$1.5bn.", &["USD 1500000000"]),
        ("A deal worth USD 1.5 billion.", &["USD 1500000000"]),
        ("A deal worth 1.5 billion US dollars.", &["USD 1500000000"]),
        ("A deal worth 1,500 million dollars.", &["USD 1500000000"]),
        ("A loan of €300 million.", &["EUR 300000000"]),
        ("A loan of EUR 300m.", &["EUR 300000000"]),
        ("A loan of 300 million euros.", &["EUR 300000000"]),
        ("It costs £5.", &["GBP 5"]),
        ("A credit of ¥10 billion.", &["CNY 10000000000"]),
        ("A credit of 10 billion yuan.", &["CNY 10000000000"]),
        ("A credit of CNY 10bn.", &["CNY 10000000000"]),
        ("A credit of RMB 10 billion.", &["CNY 10000000000"]),
        ("Paid 5 Belarusian rubles.", &["BYN 5"]),
        ("Paid BYN 5.", &["BYN 5"]),
        ("Paid 5 Russian roubles.", &["RUB 5"]),
        ("Goods at $1.5 billion worth.", &["USD 1500000000"]),
        ("It was $20 and 43c.", &["USD 20.43"]),
        ("It was 3 dollars 14 cents.", &["USD 3.14"]),
        ("Lunch was RM10.", &["MYR 10"]),
        ("Lunch was 10 ringgit.", &["MYR 10"]),
        ("Tea was Rs. 5.", &["INR 5"]),
        ("Tea was INR 5.", &["INR 5"]),
        ("Tea was 5 lakh rupees.", &["INR 500000"]),
        ("A fee of 20 CHF.", &["CHF 20"]),
        ("A fee of CHF 20.", &["CHF 20"]),
        ("A fee of 10$.", &["USD 10"]),
        ("A fee of 20€.", &["EUR 20"]),
        ("One dollar only.", &["USD 1"]),
        ("A dollar only.", &["USD 1"]),
        ("Ten pounds only.", &["GBP 10"]),
        ("$10K raised.", &["USD 10000"]),
        ("$10,000 raised.", &["USD 10000"]),
        ("It cost 3.14US$.", &["USD 3.14"]),
        ("It cost A$50.", &["AUD 50"]),
        ("It cost 50 Canadian dollars.", &["CAD 50"]),
        ("It cost 42 Lebanese pounds.", &["LBP 42"]),
        (
            "Revenue was $4.7 billion and $5.1 billion.",
            &["USD 4700000000", "USD 5100000000"],
        ),
        ("Prices of $20 and 43 others.", &["USD 20", "43"]),
        ("A fine of ₽500.", &["RUB 500"]),
        ("twenty dollar 43 cents", &["USD 20.43"]),
        ("Shares cost $5 each.", &["USD 5"]),
        ("A 300-million-euro credit line.", &["EUR 300000000"]),
        ("Fees of 42 MYR and 42MYR.", &["MYR 42", "MYR 42"]),
        ("Paid 10 shekels.", &["ILS 10"]),
        ("Paid HK$20.", &["HKD 20"]),
        ("Paid ₹250.", &["INR 250"]),
        ("Sold for 3 CNY.", &["CNY 3"]),
        ("Sold for 500 Swiss francs.", &["CHF 500"]),
        ("Sold for 2 million Kuwaiti dinars.", &["KWD 2000000"]),
    ]);
}

#[test]
fn custom_dollar() {
    let options = Options {
        date_order: DateOrder::DayFirst,
        dollar: "CAD".to_string(),
    };
    let values = extract_with("It cost $5, or 5 US dollars.", &options);
    let read: Vec<String> = values.iter().map(|value| value.value.form()).collect();
    assert_eq!(read, ["CAD 5", "USD 5"]);
}

#[test]
fn percentages_and_ordinals() {
    run_table(&[
        ("Growth was 12.5%.", &["12.5"]),
        ("Growth was 12.5 percent.", &["12.5"]),
        ("Growth was 12.5 per cent.", &["12.5"]),
        ("Growth was twelve percent.", &["12"]),
        ("Growth was 12 %.", &["12"]),
        ("The 21st anniversary.", &["21"]),
        ("The twenty-first anniversary.", &["21"]),
        ("The 1st round.", &["1"]),
        ("The hundredth day.", &["100"]),
        ("The 73rd session.", &["73"]),
        ("The second round.", &["2"]),
        ("He came twenty fifth.", &["25"]),
    ]);
    let values = extract("Growth was 12.5%.");
    assert_eq!(values[0].value.kind(), ValueKind::Percent);
    let values = extract("The 21st anniversary.");
    assert_eq!(values[0].value.kind(), ValueKind::Ordinal);
}

#[test]
fn traps_yield_nothing() {
    run_table(&[
        ("Call +375 17 222-66-04 today.", &[]),
        ("Call 222-66-04 today.", &[]),
        ("See Chapter 7 for more.", &[]),
        ("See Article 5 and Section 12.", &[]),
        ("See No. 12 on the list.", &[]),
        ("COVID-19 spread fast.", &[]),
        ("The G20 met.", &[]),
        ("At 3 p.m. they met.", &[]),
        ("At 3 pm they met.", &[]),
        ("At 15:30 they met.", &[]),
        ("At 9:05:30 sharp.", &[]),
        ("Music of the 1990s.", &[]),
        ("Music of the 1990's.", &[]),
        ("Music of the '90s.", &[]),
        ("Install v1.2.3 now.", &[]),
        ("The address 192.168.0.1 is local.", &[]),
        ("Visit https://example.com/2013/07/16/page-5 now.", &[]),
        ("Visit www.example.com/a1 now.", &[]),
        ("Write to press2013@example.org today.", &[]),
        ("An MP3 file.", &[]),
        ("Ticket #5 won.", &[]),
        ("Flight 17 landed.", &[]),
        ("It may rain.", &[]),
        ("We march on.", &[]),
        ("", &[]),
        ("   ", &[]),
        ("No numbers here at all.", &[]),
    ]);
}

#[test]
fn year_ranges_are_two_dates() {
    check("The war of 1992-1995 ended.", &["1992", "1995"]);
    check("The war of 1992–95 ended.", &["1992", "1995"]);
    let values = extract("The war of 1992-1995 ended.");
    assert!(
        values
            .iter()
            .all(|value| value.value.kind() == ValueKind::Date)
    );
}

#[test]
fn hedges_are_attached() {
    let cases: &[(&str, Hedge, &str, &str)] = &[
        ("about 20 people", Hedge::About, "about", "20"),
        ("around 20 people", Hedge::About, "around", "20"),
        ("some 20 people", Hedge::About, "some", "20"),
        (
            "approximately 20 people",
            Hedge::About,
            "approximately",
            "20",
        ),
        ("roughly 20 people", Hedge::About, "roughly", "20"),
        ("approx. 20 people", Hedge::About, "approx.", "20"),
        ("~20 people", Hedge::About, "~", "20"),
        ("nearly 20 people", Hedge::Nearly, "nearly", "20"),
        ("almost 20 people", Hedge::Nearly, "almost", "20"),
        ("close to 20 people", Hedge::Nearly, "close to", "20"),
        ("over 20 people", Hedge::Over, "over", "20"),
        ("More than 20 people", Hedge::Over, "more than", "20"),
        ("above 20 people", Hedge::Over, "above", "20"),
        ("exceeding 20 people", Hedge::Over, "exceeding", "20"),
        ("at least 20 people", Hedge::AtLeast, "at least", "20"),
        (
            "no less than 20 people",
            Hedge::AtLeast,
            "no less than",
            "20",
        ),
        ("up to 20 people", Hedge::AtMost, "up to", "20"),
        (
            "no more than 20 people",
            Hedge::AtMost,
            "no more than",
            "20",
        ),
        ("under 20 people", Hedge::Under, "under", "20"),
        ("less than 20 people", Hedge::Under, "less than", "20"),
        ("below 20 people", Hedge::Under, "below", "20"),
        (
            "about $1.5 billion",
            Hedge::About,
            "about",
            "USD 1500000000",
        ),
        ("more than 12.5%", Hedge::Over, "more than", "12.5"),
        (
            "nearly €300 million",
            Hedge::Nearly,
            "nearly",
            "EUR 300000000",
        ),
    ];
    for (text, hedge, hedge_text, form) in cases {
        let values = extract(text);
        assert_eq!(values.len(), 1, "{text}");
        let value = &values[0];
        assert_eq!(value.hedge, Some(*hedge), "{text}");
        assert_eq!(value.hedge_text.as_deref(), Some(*hedge_text), "{text}");
        assert_eq!(value.value.form(), *form, "{text}");
        let hedge_span = value.hedge_span.expect("a hedge has a span");
        assert!(hedge_span.end <= value.span.start, "{text}");
        assert_eq!(
            hedge_span.slice(text).map(str::to_lowercase).as_deref(),
            Some(*hedge_text),
            "{text}"
        );
    }
}

/// A range case: text, hedge text, the two value forms, the bounds.
type RangeCase<'a> = (&'a str, &'a str, [&'a str; 2], (f64, f64));

#[test]
fn ranges_share_scale_and_currency() {
    let cases: &[RangeCase] = &[
        ("10 to 20 people", "to", ["10", "20"], (10.0, 20.0)),
        ("10-20 people", "-", ["10", "20"], (10.0, 20.0)),
        ("10–20 people", "–", ["10", "20"], (10.0, 20.0)),
        (
            "between 10 and 20 people",
            "between",
            ["10", "20"],
            (10.0, 20.0),
        ),
        ("from 10 to 20 people", "from", ["10", "20"], (10.0, 20.0)),
        (
            "$1-2 billion",
            "-",
            ["USD 1000000000", "USD 2000000000"],
            (1e9, 2e9),
        ),
        (
            "between $1 and $2 billion",
            "between",
            ["USD 1000000000", "USD 2000000000"],
            (1e9, 2e9),
        ),
        ("10-20%", "-", ["10", "20"], (10.0, 20.0)),
        ("2 to 3 million", "to", ["2000000", "3000000"], (2e6, 3e6)),
        ("2-15 people", "-", ["2", "15"], (2.0, 15.0)),
    ];
    for (text, hedge_text, forms, bounds) in cases {
        let values = extract(text);
        let read: Vec<String> = values.iter().map(|value| value.value.form()).collect();
        assert_eq!(read, forms, "{text}");
        for value in &values {
            assert_eq!(value.hedge, Some(Hedge::Range), "{text}");
            assert_eq!(value.hedge_text.as_deref(), Some(*hedge_text), "{text}");
            assert_eq!(value.bounds, Some(*bounds), "{text}");
            assert_eq!(value.interval(), Some(*bounds), "{text}");
        }
    }
}

#[test]
fn intervals_follow_the_hedge() {
    let interval = |text: &str| extract(text).first().and_then(Extracted::interval);
    assert_eq!(interval("20 people"), Some((20.0, 20.0)));
    let (low, high) = interval("about 20 people").unwrap_or_default();
    assert!((low - 18.0).abs() < 1e-9 && (high - 22.0).abs() < 1e-9);
    let (low, high) = interval("nearly 20 people").unwrap_or_default();
    assert!((low - 18.0).abs() < 1e-9 && high == 20.0);
    assert_eq!(interval("over 20 people"), Some((20.0, f64::INFINITY)));
    assert_eq!(interval("at least 20 people"), Some((20.0, f64::INFINITY)));
    assert_eq!(interval("under 20 people"), Some((f64::NEG_INFINITY, 20.0)));
    assert_eq!(interval("up to 20 people"), Some((f64::NEG_INFINITY, 20.0)));
    assert_eq!(interval("on 20 January 1992"), None);
    let (low, high) = interval("about -10 degrees").unwrap_or_default();
    assert!(low < high);
}

#[test]
fn long_texts_read_in_pieces_match_sentence_by_sentence() {
    let sentences = [
        "On 16 July 2013 the two leaders signed 12 agreements worth $1.5 billion. ",
        "Exports rose 12% in 2012 to 300 million euros, the 3rd rise since 2009. ",
        "Between 10 and 20 delegates arrived on 5 May; about 40 more came later. ",
    ];
    let mut text = String::new();
    let mut expected = Vec::new();
    while text.len() < 200_000 {
        for sentence in sentences {
            for value in extract(sentence) {
                expected.push((value.span.shift(text.len()), value.value.form()));
            }
            text.push_str(sentence);
        }
    }
    let got: Vec<(Span, String)> = extract(&text)
        .into_iter()
        .map(|value| (value.span, value.value.form()))
        .collect();
    assert_eq!(got.len(), expected.len());
    assert!(got == expected);
}

#[test]
fn precise_numbers_keep_a_hedge_narrow() {
    for (value, precise_expected) in [
        (171.0, true),
        (12.7, true),
        (23.0, true),
        (170.0, false),
        (12.5, false),
        (1.5e9, false),
        (11.0, false),
        (20.0, false),
        (1234.0, true),
    ] {
        assert_eq!(precise(value), precise_expected, "{value}");
    }
}

#[test]
fn spans_cover_the_value_text() {
    let text =
        "Premier Li said on 16 July that about $1.5 billion, 12.5 per cent, went to the 21st fund.";
    let texts: Vec<&str> = extract(text)
        .iter()
        .filter_map(|value| value.span.slice(text))
        .collect();
    assert_eq!(texts, ["16 July", "$1.5 billion", "12.5 per cent", "21st"]);
    // "the" belongs to the date only where "of" follows the day.
    let text = "After the 17 July talks and the 18th July dinner, on the 20th of January.";
    let texts: Vec<&str> = extract(text)
        .iter()
        .filter_map(|value| value.span.slice(text))
        .collect();
    assert_eq!(texts, ["17 July", "18th July", "the 20th of January"]);
}

#[test]
fn sentences_with_many_values() {
    check(
        "On 16 July 2013 the two leaders signed 12 agreements worth $1.5 billion.",
        &["2013-07-16", "2", "12", "USD 1500000000"],
    );
    check(
        "Exports rose 12% in 2012 to 300 million euros, the 3rd rise since 2009.",
        &["12", "2012", "EUR 300000000", "3", "2009"],
    );
    check(
        "Call +375 17 222-66-04 before 3 p.m. on 5 May about the 2 cars.",
        &["--05-05", "2"],
    );
    check(
        "See Chapter 7 of the 2011 report: COVID-19 cut sales by 40%.",
        &["2011", "40"],
    );
}

/// Whether every span is inside the text, on char boundaries, sorted and non-overlapping.
fn spans_are_sound(text: &str, values: &[Extracted]) -> bool {
    let mut previous_end = 0;
    for value in values {
        let span = value.span;
        if span.start >= span.end
            || span.end > text.len()
            || !text.is_char_boundary(span.start)
            || !text.is_char_boundary(span.end)
            || span.start < previous_end
        {
            return false;
        }
        if let Some(hedge) = value.hedge_span
            && (hedge.end > text.len()
                || !text.is_char_boundary(hedge.start)
                || !text.is_char_boundary(hedge.end))
        {
            return false;
        }
        previous_end = span.end;
    }
    true
}

#[test]
fn spans_are_sound_on_multibyte_text() {
    let pieces = [
        "Президент 20 января 1992 года",
        "“about 20”",
        "中国 10 billion yuan 元",
        "😀 5% 😀",
        "‘$1.5bn’",
        "1 500",
        "2013–2014",
        "—",
        "16–17 July",
        "Ⅻ",
        "١٢٣",
        "ǅ 3",
        "\u{a0}",
        "\u{2009}",
        "-",
        "$",
        "€",
        "20",
        "Jan.",
        "the",
        "between",
        "and",
        "to",
        "%",
        ".",
        ",",
        "/",
        ":",
        "+",
        "#",
        "'",
        "s",
        "a few",
        "minus",
        "point",
    ];
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..4000 {
        let mut text = String::new();
        for _ in 0..12 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let piece = pieces[(seed % pieces.len() as u64) as usize];
            text.push_str(piece);
            if seed & 0x100 != 0 {
                text.push(' ');
            }
        }
        let values = extract(&text);
        assert!(spans_are_sound(&text, &values), "{text:?}: {values:?}");
    }
}

#[test]
fn long_inputs_finish_without_panic() {
    let digits = "7".repeat(400);
    let values = extract(&digits);
    assert!(values.len() <= 1);
    assert!(
        values
            .iter()
            .all(|value| value.value.number().is_some_and(f64::is_finite))
    );
    let mut noise = String::new();
    let parts = [
        "12", ",", "345", ".", "6", "-", "7", "/", "8", " ", ":", "9%", "$",
    ];
    let mut at = 0;
    while noise.len() < 1_000_000 {
        noise.push_str(parts[at % parts.len()]);
        at = at * 7 + 3;
        at %= 1_000_003;
    }
    let started = std::time::Instant::now();
    let values = extract(&noise);
    assert!(spans_are_sound(&noise, &values));
    let at_signs = "a@".repeat(100_000);
    let values = extract(&at_signs);
    assert!(spans_are_sound(&noise, &values));
    assert!(
        started.elapsed().as_secs() < 10,
        "took {:?}",
        started.elapsed()
    );
}

/// Each case: the text, then the values expected in it as "kind form".
fn run_kinded_table(table: &[(&str, &[&str])]) {
    run_table_as(table, |value| {
        format!("{} {}", value.value.kind().as_str(), value.value.form())
    });
}

/// How wire and newspaper reports on diplomacy and trade write their values, beyond the
/// forms above: spelled-out fractions of scales, abbreviations of currencies and of "per
/// cent", clipped years. Phrases that must yield nothing are in the table too.
#[test]
fn diplomacy_and_trade_phrasings() {
    run_kinded_table(&[
        // Dates.
        (
            "Ties were set up on the 20th of January, 1992, in Beijing.",
            &["date 1992-01-20"],
        ),
        (
            "The accord dates from January the 20th, 1992.",
            &["date 1992-01-20"],
        ),
        (
            "The envoys met again on January the 20th.",
            &["date --01-20"],
        ),
        (
            "The note was stamped 20-Jan-1992 by the embassy.",
            &["date 1992-01-20"],
        ),
        (
            "Talks resumed on 2013-07-16 after a pause.",
            &["date 2013-07-16"],
        ),
        (
            "Delegates met on 20 Jan. 1992 in Minsk.",
            &["date 1992-01-20"],
        ),
        ("They signed on Friday 19 July 2013.", &["date 2013-07-19"]),
        // "mid-July 2013" is somewhere in July 2013: the month, not a day.
        ("The summit was held in mid-July 2013.", &["date 2013-07"]),
        // A season gives its year only.
        ("The leaders met in the summer of 2013.", &["date 2013"]),
        ("The year 2013 was a turning point.", &["date 2013"]),
        ("The embassy opened in January of 1993.", &["date 1993-01"]),
        (
            "The memorandum of the 5th of May of 2015 holds.",
            &["date 2015-05-05"],
        ),
        // A clipped year after an apostrophe.
        ("The pact of '92 still stands.", &["date 1992"]),
        ("Back in ’05 the sides set up a committee.", &["date 2005"]),
        // … and after a day and month.
        ("Ties date from Jan 20 '92.", &["date 1992-01-20"]),
        // "the 23rd" before "anniversary" counts the anniversary.
        ("This July the 23rd anniversary is marked.", &["ordinal 23"]),
        (
            "Ties date from 20 January ’92, a Monday.",
            &["date 1992-01-20"],
        ),
        // A season or fiscal year written with a slash.
        (
            "The 2013/14 season ended early.",
            &["date 2013", "date 2014"],
        ),
        ("Profits fell in Q3 2013 at the plant.", &["date 2013"]),
        // Money.
        (
            "The loan is worth US$ 1.5 bln, officials said.",
            &["money USD 1500000000"],
        ),
        (
            "Minsk will get 1.5 bln dollars in credit.",
            &["money USD 1500000000"],
        ),
        (
            "China opened a $1.5-billion credit line.",
            &["money USD 1500000000"],
        ),
        (
            "The bank lent USD1.5bn to the project.",
            &["money USD 1500000000"],
        ),
        (
            "The fund holds 1.5 billion US dollars.",
            &["money USD 1500000000"],
        ),
        (
            "Trade of 3.4 billion U.S. dollars was logged.",
            &["money USD 3400000000"],
        ),
        (
            "The deal was put at one and a half billion dollars.",
            &["money USD 1500000000"],
        ),
        (
            "They spoke of a billion and a half dollars in trade.",
            &["money USD 1500000000"],
        ),
        ("Fees reach Br 5 million a year.", &["money BYN 5000000"]),
        (
            "The rate closed at Br 2,150 to the dollar.",
            &["money BYN 2150"],
        ),
        ("The volume was Rbl 2.5 billion.", &["money RUB 2500000000"]),
        (
            "It was valued at 2.5 bln rubles.",
            &["money RUB 2500000000"],
        ),
        ("The fee is 500 Belarusian rubles.", &["money BYN 500"]),
        (
            "Investment reached 400 million yuan.",
            &["money CNY 400000000"],
        ),
        ("The plant cost £300m to build.", &["money GBP 300000000"]),
        // Numbers.
        ("The ministry booked 5 mln in revenue.", &["number 5000000"]),
        ("Some 40 firms took part in the fair.", &["number 40"]),
        ("Nearly two dozen deals were signed.", &["number 24"]),
        ("A dozen ministers attended.", &["number 12"]),
        ("They signed a dozen and a half deals.", &["number 18"]),
        ("It took two and a half years.", &["number 2.5"]),
        ("It took two-and-a-half years.", &["number 2.5"]),
        (
            "Sales hit a quarter of a million units.",
            &["number 250000"],
        ),
        ("Some two-thirds of exports go east.", &["number 0.666667"]),
        // Percentages.
        ("Trade grew 17 per cent last year.", &["percent 17"]),
        ("Trade grew 17 percent last year.", &["percent 17"]),
        ("Trade grew seventeen per cent last year.", &["percent 17"]),
        ("Exports rose 19.5% in the spring.", &["percent 19.5"]),
        ("Inflation eased to 25 pc in May.", &["percent 25"]),
        ("Imports fell by 1.5pc.", &["percent 1.5"]),
        // No value.
        ("Scores of journalists waited outside.", &[]),
        ("Thousands of people lined the streets.", &[]),
        ("China is Belarus's No. 1 partner in Asia.", &[]),
        ("Issue No. 12 of the bulletin is out.", &[]),
        ("The embassy is shut in January of each year.", &[]),
        // Near misses that keep their old reading.
        ("He said: '20 people died.'", &["number 20"]),
        ("They sold 5 PC games.", &["number 5"]),
        ("The br 5 tag stays.", &["number 5"]),
        (
            "Between one and two delegates came.",
            &["number 1", "number 2"],
        ),
    ]);
}

#[test]
fn a_trailing_plus_is_a_lower_bound() {
    for (text, hedge_text) in [
        ("A crowd of 2,000-plus gathered.", "-plus"),
        ("A crowd of 2,000+ gathered.", "+"),
    ] {
        let values = extract(text);
        assert_eq!(values.len(), 1, "{text}");
        let value = &values[0];
        assert_eq!(value.value.form(), "2000", "{text}");
        assert_eq!(value.hedge, Some(Hedge::AtLeast), "{text}");
        assert_eq!(value.hedge_text.as_deref(), Some(hedge_text), "{text}");
        assert_eq!(value.span.slice(text), Some("2,000"), "{text}");
        let hedge_span = value.hedge_span.expect("a hedge has a span");
        assert_eq!(hedge_span.slice(text), Some(hedge_text), "{text}");
    }
    // "plus" between two numbers is arithmetic, not a hedge.
    check("It cost 2,000 plus 300 in fees.", &["2000", "300"]);
}
