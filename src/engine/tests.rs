//! End-to-end checks of the engine on small rule sets and sentences written for them.

use super::Engine;
use crate::document::{Document, Format};
use crate::load::compile_str;
use crate::value::PartialDate;

const RULES: &str = r#"
source belta "Talks in Beijing" date 2013-07-16 url "https://example.org/talks"

country belarus "Belarus" aka "Republic of Belarus" adj "Belarusian" avoid "Byelorussia", "Byelorussian"
country china "China" aka "People's Republic of China" adj "Chinese"
city beijing "Beijing"
city shanghai "Shanghai"
city minsk "Minsk"
city shenzhen "Shenzhen"
person lukashenko "Aleksandr Lukashenko" aka "Lukashenko"
  title "President" aka "Belarusian President", "President of Belarus" from 1994-07-20
person xi "Xi Jinping" aka "Xi"
  title "President" aka "Chinese President", "President of China" from 2013-03-14
  title "Vice President" from 2008-03-15 to 2013-03-14
person li "Li Keqiang"
  title "Premier" aka "Chinese Premier" from 2013-03-15 to 2023-03-11

event visit "State visit" from 2013-07-15 to 2013-07-18 with lukashenko, xi aka "state visit"

fact relations_established
  cite belta
  when "diplomatic relations" | "diplomatic ties"
  expect date 1992-01-20

fact talks_place
  cite belta
  event visit
  when "talks" | "negotiations"
  expect entity beijing

fact agreements_total
  cite belta
  event visit
  when "worth of agreements" | "agreements worth" | "deals worth"
  expect money USD 1.5 billion

fact agreements_planned
  cite belta
  event visit
  when "agreements"
  near "sign" | "signed" | "signing"
  expect count 20 approx

fact twinning
  cite belta
  when "friendly exchanges"
  expect parties minsk, shenzhen

fact partnership_declared
  cite belta
  when "strategic partnership"
  affirm

fact relations_anniversary
  cite belta
  when "anniversary of diplomatic relations" | "anniversary of diplomatic ties"
  expect anniversary of relations_established

fact trade_turnover
  cite belta
  when "trade turnover"
  expect consistent money
"#;

/// (kind, fact, found, replacement) of every finding in `draft` as of `date`.
fn check(draft: &str, date: &str) -> Vec<(String, String, String, Option<String>)> {
    check_with(RULES, draft, date)
}

fn check_with(
    rules: &str,
    draft: &str,
    date: &str,
) -> Vec<(String, String, String, Option<String>)> {
    let rules = match compile_str("test.facts", rules) {
        Ok(rules) => rules,
        Err(errors) => panic!("{}", errors.render(false)),
    };
    let engine = Engine::new(&rules);
    let document = Document::parse(draft, Format::Markdown);
    let date = PartialDate::parse(date).expect("a test date");
    engine
        .check(&document, date)
        .into_iter()
        .map(|d| {
            (
                d.kind.as_str().to_string(),
                d.fact,
                d.found,
                d.fix.map(|fix| fix.replacement),
            )
        })
        .collect()
}

fn finding(
    kind: &str,
    fact: &str,
    found: &str,
    fix: Option<&str>,
) -> (String, String, String, Option<String>) {
    (
        kind.to_string(),
        fact.to_string(),
        found.to_string(),
        fix.map(str::to_string),
    )
}

#[test]
fn misspelled_names_are_fixed_to_the_name_or_adjective() {
    assert_eq!(
        check(
            "Byelorussia and China agreed. The Byelorussian side was glad.",
            "2013-07-17"
        ),
        [
            finding("misspelling", "belarus", "Byelorussia", Some("Belarus")),
            finding("misspelling", "belarus", "Byelorussian", Some("Belarusian")),
        ]
    );
    // The Soviet republic's name is history, not a spelling.
    for draft in [
        "Belarus, once called Byelorussia, is a partner.",
        "Belarus (Byelorussia, as some old maps still call it) is a partner.",
        "The press wrote the name as Byelorussia, the old Russian-language spelling.",
        "Until 1991 it was the Byelorussian Soviet Socialist Republic.",
        "Until 1991 it was the Byelorussian SSR.",
        "Which spelling does the course use for the country: \"Belarus\" or \"Byelorussia\"?",
    ] {
        assert_eq!(check(draft, "2013-07-17"), [], "{draft}");
    }
}

#[test]
fn a_variant_that_differs_only_by_a_hyphen_is_told_apart_from_the_name() {
    // Hyphens match like spaces, so the variant and the name are the same phrase to the
    // matcher; the text as written decides.
    let rules = r#"
person juncker "Jean-Claude Juncker" aka "Juncker" avoid "Jean Claude Juncker"
person kim "Kim Jong Un" avoid "Kim Jong-un"
"#;
    assert_eq!(
        check_with(rules, "Jean-Claude Juncker spoke.", "2016-01-01"),
        []
    );
    assert_eq!(check_with(rules, "Kim Jong Un spoke.", "2016-01-01"), []);
    assert_eq!(
        check_with(rules, "Jean Claude Juncker spoke.", "2016-01-01"),
        [finding(
            "misspelling",
            "juncker",
            "Jean Claude Juncker",
            Some("Jean-Claude Juncker")
        )]
    );
    assert_eq!(
        check_with(rules, "Kim Jong-un spoke.", "2016-01-01"),
        [finding(
            "misspelling",
            "kim",
            "Kim Jong-un",
            Some("Kim Jong Un")
        )]
    );
}

#[test]
fn titles_are_checked_on_the_document_date() {
    let draft = "Chinese President Xi Jinping met President Lukashenko. Vice President Xi Jinping spoke. Premier Xi Jinping left.";
    assert_eq!(
        check(draft, "2013-07-17"),
        [
            finding("outdated", "xi", "Vice President", Some("President")),
            finding("title", "xi", "Premier", Some("President")),
        ]
    );
    // In 2010 the same words were right, and the President was not yet.
    let earlier = check("Vice President Xi Jinping visited Minsk.", "2010-03-24");
    assert!(earlier.is_empty(), "{earlier:?}");
}

#[test]
fn a_title_is_fixed_to_the_closest_wording() {
    let rules = r#"
person biden "Joe Biden"
  title "Vice President" aka "US Vice President" from 2009-01-20 to 2017-01-20
  title "President" aka "US President" from 2021-01-20 to 2025-01-20
"#;
    assert_eq!(
        check_with(rules, "US Vice President Joe Biden spoke.", "2023-12-01"),
        [finding(
            "outdated",
            "biden",
            "US Vice President",
            Some("US President")
        )]
    );
    assert_eq!(
        check_with(rules, "Vice President Joe Biden spoke.", "2023-12-01"),
        [finding(
            "outdated",
            "biden",
            "Vice President",
            Some("President")
        )]
    );
}

#[test]
fn appositive_titles_after_a_qualifier() {
    // "current" and "incumbent" claim the title now; "former" and "then" put it in the past.
    for draft in [
        "Xi Jinping, the current Vice President, spoke.",
        "Xi Jinping, the incumbent Vice President, spoke.",
        "Xi Jinping, an outgoing Vice President, spoke.",
    ] {
        assert_eq!(
            check(draft, "2014-05-01"),
            [finding(
                "outdated",
                "xi",
                "Vice President",
                Some("President")
            )],
            "{draft}"
        );
    }
    assert_eq!(
        check("Xi Jinping, China's Vice President, spoke.", "2014-05-01"),
        [finding(
            "outdated",
            "xi",
            "Vice President",
            Some("President")
        )]
    );
    for draft in [
        "Xi Jinping, the former Vice President, spoke.",
        "Xi Jinping, then Vice President, spoke.",
        "Xi Jinping, the then Vice President, spoke.",
        "Xi Jinping, the ex-Vice President, spoke.",
    ] {
        assert_eq!(check(draft, "2014-05-01"), [], "{draft}");
    }
    assert_eq!(
        check("Xi Jinping, the former Premier, spoke.", "2014-05-01"),
        [finding("title", "xi", "Premier", Some("President"))]
    );
}

#[test]
fn appositive_titles_and_lists() {
    assert_eq!(
        check("Li Keqiang, the Chinese Premier, spoke.", "2013-07-17"),
        []
    );
    assert_eq!(
        check("Li Keqiang, the Chinese President, spoke.", "2013-07-17"),
        [finding(
            "title",
            "li",
            "Chinese President",
            Some("Chinese Premier")
        )]
    );
    // A list: the title belongs to the next name.
    assert_eq!(
        check(
            "Li Keqiang, President Xi Jinping and others met.",
            "2013-07-17"
        ),
        []
    );
    // "former" makes a past title right.
    assert_eq!(
        check(
            "Former Vice President Xi Jinping is now head of state.",
            "2013-07-17"
        ),
        []
    );
}

#[test]
fn the_wrong_city_in_an_entity_slot() {
    assert_eq!(
        check("The talks in Shanghai lasted three hours.", "2013-07-17"),
        [finding(
            "mismatch",
            "talks_place",
            "Shanghai",
            Some("Beijing")
        )]
    );
    assert_eq!(
        check("The talks in Beijing lasted three hours.", "2013-07-17"),
        []
    );
}

#[test]
fn parties_of_an_agreement() {
    assert_eq!(
        check(
            "Minsk and Shenzhen signed an agreement on friendly exchanges.",
            "2013-07-17"
        ),
        []
    );
    assert_eq!(
        check(
            "Minsk and Shanghai signed an agreement on friendly exchanges.",
            "2013-07-17"
        ),
        [finding(
            "mismatch",
            "twinning",
            "Shanghai",
            Some("Shenzhen")
        )]
    );
    // The fix is the party whose name is closest to the wrong one.
    let rules = r#"
organisation gpo "General Prosecutor's Office of Belarus"
organisation spp "Supreme People's Procuratorate"
organisation spc "Supreme People's Court"
fact prosecutors
  when "prosecutors' cooperation"
  expect parties gpo, spp
"#;
    assert_eq!(
        check_with(
            rules,
            "The prosecutors' cooperation deal was signed with the Supreme People's Court.",
            "2013-07-17"
        ),
        [finding(
            "mismatch",
            "prosecutors",
            "Supreme People's Court",
            Some("Supreme People's Procuratorate")
        )]
    );
    // A name in the next clause, with its own subject, is not a party.
    for draft in [
        "Minsk and Shenzhen agreed on friendly exchanges, and Shanghai signed a trade deal.",
        "Minsk and Shenzhen agreed on friendly exchanges; Shanghai hosted the ceremony.",
    ] {
        assert_eq!(check(draft, "2013-07-17"), [], "{draft}");
    }
    // A name in a phrase about the whole statement is no party.
    assert_eq!(
        check(
            "Minsk and Shenzhen agreed on friendly exchanges in 2013, a move Shanghai welcomed.",
            "2013-07-17"
        ),
        []
    );
    // The comma after an opening phrase is no such phrase.
    assert_eq!(
        check(
            "On friendly exchanges in Minsk, an agreement was reached by Shenzhen and Shanghai.",
            "2013-07-17"
        ),
        [finding("mismatch", "twinning", "Shanghai", Some("Minsk"))]
    );
    // One subject with its list of parties is one clause.
    assert_eq!(
        check(
            "The deal on friendly exchanges was signed by the mayors of Minsk and Shanghai.",
            "2013-07-17"
        ),
        [finding(
            "mismatch",
            "twinning",
            "Shanghai",
            Some("Shenzhen")
        )]
    );
}

#[test]
fn negated_affirmed_facts() {
    assert_eq!(
        check(
            "The leaders did not sign a declaration on strategic partnership.",
            "2013-07-17"
        ),
        [finding(
            "polarity",
            "partnership_declared",
            "did not sign",
            None
        )]
    );
    assert_eq!(
        check(
            "The leaders signed a declaration on strategic partnership.",
            "2013-07-17"
        ),
        []
    );
}

const CLAIM_RULES: &str = r#"
source s "S" date 2013-07-16
fact partnership
  cite s
  when "strategic partnership"
  near "declaration" | "signed" | "sign" | "established"
  affirm
fact talks_date
  cite s
  when "talks"
  expect date 2013-07-16
fact agreements_value
  cite s
  when "worth"
  expect money USD 1.5 billion
"#;

/// The finding for the relations established "21 January 1992" under [`RULES`].
fn relations_on_21_january() -> Vec<(String, String, String, Option<String>)> {
    vec![finding(
        "mismatch",
        "relations_established",
        "21 January 1992",
        Some("20 January 1992"),
    )]
}

/// The finding for a talks date given as 15 July under [`CLAIM_RULES`].
fn talks_on_15_july() -> Vec<(String, String, String, Option<String>)> {
    vec![finding(
        "mismatch",
        "talks_date",
        "15 July",
        Some("16 July"),
    )]
}

#[test]
fn negation_of_the_fact_itself() {
    let negated = [
        (
            "No declaration on strategic partnership was signed.",
            "No declaration",
        ),
        (
            "The leaders signed no declaration on strategic partnership.",
            "no declaration",
        ),
        (
            "The declaration on strategic partnership was not signed.",
            "was not signed",
        ),
        (
            "The leaders did not sign a declaration on strategic partnership.",
            "did not sign",
        ),
        (
            "Neither leader signed a declaration on strategic partnership.",
            "Neither leader",
        ),
        (
            "Nowhere did they sign a declaration on strategic partnership.",
            "Nowhere did",
        ),
        (
            "Neither Minsk nor Beijing signed a declaration on strategic partnership.",
            "Neither Minsk",
        ),
    ];
    for (draft, phrase) in negated {
        assert_eq!(
            check_with(CLAIM_RULES, draft, "2013-07-17"),
            [finding("polarity", "partnership", phrase, None)],
            "{draft}"
        );
    }
    // A negation about something else the declaration did, a "not merely", a contrast.
    for draft in [
        "The declaration on strategic partnership did not commit either side to new funding.",
        "The declaration on strategic partnership is not merely symbolic.",
        "The declaration on strategic partnership was signed on 16 July, not 17 July.",
        "The talks were held on 16 July, not 15 July.",
    ] {
        assert_eq!(check_with(CLAIM_RULES, draft, "2013-07-17"), [], "{draft}");
    }
    assert_eq!(
        check_with(
            CLAIM_RULES,
            "The talks were held on 15 July, not 16 July.",
            "2013-07-17"
        ),
        talks_on_15_july()
    );
}

#[test]
fn a_year_or_value_set_off_after_a_name_is_background() {
    // A year in a phrase about a name ("Lukashenko, in power since 1994,") does not move the
    // sentence to another time, and its values are not the fact's.
    for draft in [
        "Lukashenko, in power since 1994, held talks with Xi Jinping in Shanghai.",
        "Lukashenko, who was elected in 1994, held talks with Xi Jinping in Shanghai.",
        "Lukashenko held talks with Xi Jinping in Shanghai, a city he last saw in 2010.",
        "Lukashenko (in power since 1994) held talks with Xi Jinping in Shanghai.",
    ] {
        assert_eq!(
            check(draft, "2013-07-17"),
            [finding(
                "mismatch",
                "talks_place",
                "Shanghai",
                Some("Beijing")
            )],
            "{draft}"
        );
    }
    // An aside that holds a co-word of the fact is part of its statement.
    let rules = r#"
source s "S" date 2013-07-16
fact relations
  cite s
  when "diplomatic relations"
  near "established" | "set up"
  expect date 1992-01-20
fact force
  cite s
  when "entered into force"
  expect date 1993-05-01
"#;
    for draft in [
        "Diplomatic relations between Belarus and China, which were established on 21 January 1992, have grown.",
        "Diplomatic relations between Belarus and China, established on 21 January 1992, have grown.",
    ] {
        assert_eq!(
            check_with(rules, draft, "2013-07-17"),
            [finding(
                "mismatch",
                "relations",
                "21 January 1992",
                Some("20 January 1992")
            )],
            "{draft}"
        );
    }
    // A participle opens an aside too: its date is not the next fact's.
    assert_eq!(
        check_with(
            rules,
            "The Treaty, signed on 7 February 1992, entered into force on 1 May 1993.",
            "2013-07-17"
        ),
        []
    );
    // The comma after an opening phrase starts no aside.
    assert_eq!(
        check_with(
            CLAIM_RULES,
            "For the talks with Xi Jinping in Beijing, a date of 15 July was set.",
            "2013-07-17"
        ),
        talks_on_15_july()
    );
    // A year that dates the talks themselves still does.
    for draft in [
        "In 2010 Lukashenko held talks with Xi Jinping in Shanghai.",
        "The talks, which were held in 2010, took place in Shanghai.",
    ] {
        assert_eq!(check(draft, "2013-07-17"), [], "{draft}");
    }
    assert_eq!(
        check_with(
            CLAIM_RULES,
            "Lukashenko, in power since 1994, held talks with Xi Jinping on 15 July.",
            "2013-07-17"
        ),
        talks_on_15_july()
    );
}

#[test]
fn a_cue_in_an_aside_about_another_name_states_nothing() {
    let rules = r#"
source s "S" date 2016-01-01
document paris "Paris Agreement"
document kyoto "Kyoto Protocol"
fact adoption
  cite s
  when "adopted"
  with paris
  expect date 2015-12-12
"#;
    assert_eq!(
        check_with(
            rules,
            "Unlike the Kyoto Protocol, adopted on 11 December 1997, the Paris Agreement binds all.",
            "2016-01-01"
        ),
        []
    );
    // The aside about the fact's own entity states it.
    assert_eq!(
        check_with(
            rules,
            "The Paris Agreement, adopted on 13 December 2015, binds all.",
            "2016-01-01"
        ),
        [finding(
            "mismatch",
            "adoption",
            "13 December 2015",
            Some("12 December 2015")
        )]
    );
}

#[test]
fn an_unless_phrase_in_an_aside_does_not_count() {
    let rules = format!("{CLAIM_RULES}  unless \"Minsk\"\n");
    assert_eq!(
        check_with(
            &rules,
            "The deals, which Xi Jinping, who visited Minsk in 2010, praised, were worth $2 billion.",
            "2013-07-17"
        ),
        [finding(
            "mismatch",
            "agreements_value",
            "$2 billion",
            Some("$1.5 billion")
        )]
    );
    assert_eq!(
        check_with(
            &rules,
            "In Minsk the deals were worth $2 billion.",
            "2013-07-17"
        ),
        []
    );
}

#[test]
fn clauses_keep_their_values_and_their_unless_phrases() {
    let rules = format!(
        "{CLAIM_RULES}fact declaration\n  cite s\n  when \"declaration\"\n  expect date 2013-07-16\nfact planned\n  cite s\n  when \"agreements\"\n  near \"planned\"\n  unless \"intergovernmental\"\n  expect count 20 approx\n"
    );
    // The date is the talks', not the declaration's in the next clause.
    assert_eq!(
        check_with(
            &rules,
            "The talks took place in Beijing on 15 July, and the declaration was signed the same afternoon.",
            "2013-07-17"
        ),
        talks_on_15_july()
    );
    // An `unless` phrase silences the cues of its own clause only.
    assert_eq!(
        check_with(
            &rules,
            "The sides planned to sign some 30 bilateral agreements; three of them were intergovernmental agreements.",
            "2013-07-17"
        ),
        [finding("mismatch", "planned", "30", Some("20"))]
    );
    assert_eq!(
        check_with(
            &rules,
            "The sides planned 30 intergovernmental agreements.",
            "2013-07-17"
        ),
        []
    );
}

#[test]
fn a_value_of_an_earlier_predicate_is_not_the_facts() {
    // The date is the arrival's: the talks come after "and held" or a semicolon.
    for draft in [
        "Lukashenko arrived on 15 July and held talks with Xi Jinping the next day.",
        "Lukashenko arrived in Beijing on 15 July and then held talks with Xi Jinping.",
        "Lukashenko arrived on 15 July; the talks followed a day later.",
    ] {
        assert_eq!(check_with(CLAIM_RULES, draft, "2013-07-17"), [], "{draft}");
    }
    // A date that opens the sentence covers both.
    assert_eq!(
        check_with(
            CLAIM_RULES,
            "On 15 July Lukashenko arrived and held talks with Xi Jinping.",
            "2013-07-17"
        ),
        talks_on_15_july()
    );
}

#[test]
fn an_amount_given_in_two_currencies_is_read_in_the_facts() {
    for draft in [
        "The deals are worth about 9.2 billion yuan ($1.5 billion).",
        "The deals are worth 9.2 billion yuan, or about $1.5 billion.",
        "The deals are worth $1.5 billion (about 9.2 billion yuan).",
    ] {
        assert_eq!(check_with(CLAIM_RULES, draft, "2013-07-17"), [], "{draft}");
    }
    assert_eq!(
        check_with(
            CLAIM_RULES,
            "The deals are worth about 9.2 billion yuan ($2 billion).",
            "2013-07-17"
        ),
        [finding(
            "mismatch",
            "agreements_value",
            "$2 billion",
            Some("$1.5 billion")
        )]
    );
    // Alone, an amount in another currency is still what the draft says.
    assert_eq!(
        check_with(
            CLAIM_RULES,
            "The deals are worth 9.2 billion yuan.",
            "2013-07-17"
        )
        .len(),
        1
    );
}

#[test]
fn an_ordinal_counted_since_a_later_point_is_not_the_count() {
    let rules = r#"
source s "S" date 2013-07-16
fact visit_number
  cite s
  when "visit to China" | "trip to China"
  expect ordinal 8
"#;
    for draft in [
        "It was his first visit to China since 2010.",
        "It was his eighth visit to China and his second since 2010.",
        "It is his third trip to China since Xi Jinping took office.",
    ] {
        assert_eq!(check_with(rules, draft, "2013-07-17"), [], "{draft}");
    }
    for draft in [
        "It was his ninth visit to China.",
        "It was his ninth visit to China and his second since 2010.",
    ] {
        assert_eq!(
            check_with(rules, draft, "2013-07-17"),
            [finding("mismatch", "visit_number", "ninth", Some("eighth"))],
            "{draft}"
        );
    }
}

#[test]
fn a_year_before_a_noun_is_not_a_count() {
    let rules = r#"
source s "S" date 2013-07-16
fact enlargement
  cite s
  when "enlargement"
  expect count 10
"#;
    assert_eq!(
        check_with(rules, "The 2004 enlargement was the largest.", "2013-07-17"),
        []
    );
    assert_eq!(
        check_with(rules, "The union saw 12 enlargement rounds.", "2013-07-17"),
        [finding("mismatch", "enlargement", "12", Some("10"))]
    );
}

#[test]
fn a_date_of_another_event_after_before_or_following_is_not_the_facts() {
    let rules = r#"
source s "S" date 2016-01-01
fact force
  cite s
  when "came into force" | "entered into force"
  expect date 2016-11-04
"#;
    for draft in [
        "It came into force 30 days after the threshold was crossed on 5 October 2016.",
        "It entered into force a week before the summit opened on 7 November 2016.",
        "It came into force following a vote on 5 October 2016.",
    ] {
        assert_eq!(check_with(rules, draft, "2016-12-01"), [], "{draft}");
    }
    assert_eq!(
        check_with(
            rules,
            "It entered into force the following Saturday, 5 November 2016.",
            "2016-12-01"
        ),
        [finding(
            "mismatch",
            "force",
            "Saturday, 5 November 2016",
            Some("Friday, 4 November 2016")
        )]
    );
    // A phrase closed by a comma hands the date back to the cue.
    for draft in [
        "It entered into force on 5 November 2016.",
        "It entered into force soon after the vote, on 5 November 2016.",
    ] {
        assert_eq!(
            check_with(rules, draft, "2016-12-01"),
            [finding(
                "mismatch",
                "force",
                "5 November 2016",
                Some("4 November 2016")
            )],
            "{draft}"
        );
    }
}

#[test]
fn a_contrasted_name_is_not_in_the_slot() {
    for draft in [
        "Minsk and Shenzhen, not Shanghai, agreed on friendly exchanges.",
        "The talks were held in Beijing, not Shanghai.",
        "The talks were held in Beijing rather than Shanghai.",
    ] {
        assert_eq!(check(draft, "2013-07-17"), [], "{draft}");
    }
}

#[test]
fn claims_the_draft_calls_false_are_not_its_own() {
    for draft in [
        "A tabloid falsely reported that the talks were held on 15 July.",
        "An opposition website claimed the deals were worth $5 billion.",
        "Several outlets reported that the talks took place on 15 July; in fact they were held on 16 July.",
        "Claims that the declaration on strategic partnership was not signed are false.",
        "Rumours that the deals were worth $5 billion are untrue.",
        "An earlier version of this article said the talks were held on 15 July; they were held on 16 July.",
        "This article previously stated that the deals were worth $5 billion.",
        "Had the talks been held on 15 July, the story would have been different.",
        "If the deals were worth $5 billion, the sides would say so.",
        "A taxi driver said the talks were held on 15 July, but he was wrong.",
        "Some papers put the talks on 15 July, which is incorrect.",
    ] {
        assert_eq!(check_with(CLAIM_RULES, draft, "2013-07-17"), [], "{draft}");
    }
    // The draft's own statement, however emphatic, is checked.
    assert_eq!(
        check_with(
            CLAIM_RULES,
            "In fact, the talks were held on 15 July.",
            "2013-07-17"
        ),
        talks_on_15_july()
    );
    // The corrected statement after "in fact" is the draft's own.
    assert_eq!(
        check_with(
            CLAIM_RULES,
            "Some reported the talks took place on 16 July; in fact the talks were held on 15 July.",
            "2013-07-17"
        ),
        talks_on_15_july()
    );
}

#[test]
fn a_table_row_is_read_as_one_statement() {
    // The date and the cue stand in different cells of one row; the header row and the
    // other rows state nothing about them.
    let draft = "| When | What |\n| --- | --- |\n| 21 January 1992 | Diplomatic relations established |\n| 1993 | Embassies opened |\n";
    assert_eq!(check(draft, "2013-07-17"), relations_on_21_january());
    let right = draft.replace("21 January", "20 January");
    assert_eq!(check(&right, "2013-07-17"), []);
}

#[test]
fn code_and_suppressed_lines_are_not_checked() {
    let draft = "Text `Byelorussia` here.\n\n```\nByelorussia\n```\n\n<!-- factlint-disable-next-line belarus -->\nByelorussia again.\n";
    assert_eq!(check(draft, "2013-07-17"), []);
}

#[test]
fn wrong_dates_are_fixed_in_their_own_style() {
    assert_eq!(
        check(
            "Belarus and China set up diplomatic relations on January 21, 1992.",
            "2013-07-17"
        ),
        [finding(
            "mismatch",
            "relations_established",
            "January 21, 1992",
            Some("January 20, 1992")
        )]
    );
    assert_eq!(
        check(
            "Diplomatic ties were established on 21.01.1992.",
            "2013-07-17"
        ),
        [finding(
            "mismatch",
            "relations_established",
            "21.01.1992",
            Some("20.01.1992")
        )]
    );
    assert_eq!(
        check("Diplomatic ties date back to Jan. 20, 1992.", "2013-07-17"),
        []
    );
    // A year alone checks the year.
    assert_eq!(
        check(
            "Diplomatic relations were established in 1992.",
            "2013-07-17"
        ),
        []
    );
    assert_eq!(
        check(
            "Diplomatic relations were established in 1993.",
            "2013-07-17"
        ),
        [finding(
            "mismatch",
            "relations_established",
            "1993",
            Some("1992")
        )]
    );
}

#[test]
fn two_dates_in_one_sentence_go_to_the_nearest_cue() {
    let draft = "The talks in Beijing on 16 July 2013 recalled the diplomatic relations of 20 January 1992.";
    assert_eq!(check(draft, "2013-07-17"), []);
}

#[test]
fn money_compares_as_intervals_across_forms() {
    for ok in [
        "The sides signed $1.5 billion worth of agreements.",
        "They signed agreements worth US$1.5bn.",
        "They signed deals worth 1,500 million dollars.",
        "They signed agreements worth about $1.5 billion.",
        "They signed agreements worth more than $1 billion.",
    ] {
        assert_eq!(check(ok, "2013-07-17"), [], "{ok}");
    }
    assert_eq!(
        check("They signed agreements worth $2bn.", "2013-07-17"),
        [finding(
            "mismatch",
            "agreements_total",
            "$2bn",
            Some("$1.5bn")
        )]
    );
    assert_eq!(
        check("They signed agreements worth €1.5 billion.", "2013-07-17"),
        [finding(
            "mismatch",
            "agreements_total",
            "€1.5 billion",
            Some("$1.5 billion")
        )]
    );
}

#[test]
fn approximate_counts() {
    for ok in [
        "They plan to sign about 20 agreements.",
        "They plan to sign 21 agreements.",
        "They plan to sign more than 20 agreements.",
        "They plan to sign some twenty agreements.",
        "The two sides plan to sign agreements on trade.",
    ] {
        assert_eq!(check(ok, "2013-07-17"), [], "{ok}");
    }
    assert_eq!(
        check("They plan to sign 30 agreements.", "2013-07-17"),
        [finding("mismatch", "agreements_planned", "30", Some("20"))]
    );
    // "some 171" is a precise number hedged: it does not stretch to 175.
    let rules = r#"
source s "S" date 2016-01-01
fact signatories
  cite s
  when "parties"
  expect count 175
"#;
    assert_eq!(
        check_with(rules, "Some 171 parties signed.", "2016-04-23"),
        [finding("mismatch", "signatories", "171", Some("175"))]
    );
    assert_eq!(
        check_with(rules, "Some 170 parties signed.", "2016-04-23"),
        []
    );
    // A number in words is never precise: "some two dozen" reaches 26.
    let rules = rules.replace("175", "26");
    assert_eq!(
        check_with(&rules, "Some two dozen parties signed.", "2016-04-23"),
        []
    );
    assert_eq!(
        check_with(&rules, "Some 24 parties signed.", "2016-04-23").len(),
        1
    );
}

#[test]
fn another_event_does_not_count() {
    // Another year in the sentence, or a draft far from the visit that does not name it.
    assert_eq!(
        check(
            "During the 2023 visit they signed agreements worth $3.5 billion.",
            "2023-03-02"
        ),
        []
    );
    assert_eq!(
        check("In 2016 they signed deals worth $4 billion.", "2013-07-17"),
        []
    );
    assert_eq!(
        check("They signed agreements worth $3.5 billion.", "2023-03-02"),
        []
    );
    // So does a date in the event's month, right or wrong, in a draft written years later.
    assert_eq!(
        check(
            "On 14 July 2013 the talks were held in Shanghai.",
            "2023-03-02"
        ),
        [finding(
            "mismatch",
            "talks_place",
            "Shanghai",
            Some("Beijing")
        )]
    );
    assert_eq!(
        check("In May 2013 talks were held in Shanghai.", "2023-03-02"),
        []
    );
    // Two visits' dates in one sentence: each fact takes its own visit's.
    let rules = format!(
        "{RULES}event later \"Later visit\" from 2016-09-28 to 2016-09-30\nfact talks_later\n  cite belta\n  event later\n  when \"talks\"\n  expect date 2016-09-29\nfact talks_first\n  cite belta\n  event visit\n  when \"talks\"\n  expect date 2013-07-16\n"
    );
    for draft in [
        "They held talks on 16 July 2013 and on 29 September 2016.",
        "They held talks on 29 September 2016 and on 16 July 2013.",
    ] {
        assert_eq!(check_with(&rules, draft, "2023-03-05"), [], "{draft}");
    }
    // A year after "since" starts a period; it is no event's date.
    assert_eq!(
        check_with(
            &rules,
            "It is the first time since 2010 that they held talks.",
            "2013-07-17"
        ),
        []
    );
    // Naming the visit brings the fact back.
    assert_eq!(
        check(
            "During the state visit they signed agreements worth $3.5 billion.",
            "2023-03-02"
        ),
        [finding(
            "mismatch",
            "agreements_total",
            "$3.5 billion",
            Some("$1.5 billion")
        )]
    );
}

#[test]
fn anniversaries_count_from_the_document_or_the_stated_year() {
    assert_eq!(
        check(
            "They marked the 21st anniversary of diplomatic relations.",
            "2013-07-17"
        ),
        []
    );
    assert_eq!(
        check(
            "They marked the 20th anniversary of diplomatic relations.",
            "2013-07-17"
        ),
        [finding(
            "mismatch",
            "relations_anniversary",
            "20th",
            Some("21st")
        )]
    );
    assert_eq!(
        check(
            "The 30th anniversary of diplomatic relations fell on 20 January 2022.",
            "2013-07-17"
        ),
        []
    );
    // "The same year" is the year of the sentence before.
    assert_eq!(
        check(
            "On 15 September 2022 the leaders met in Samarkand. The same year marked the 30th anniversary of diplomatic relations.",
            "2024-11-15"
        ),
        []
    );
    // Counted back from the document's year.
    for draft in [
        "Two years ago they marked the 30th anniversary of diplomatic relations.",
        "They marked the 30th anniversary of diplomatic relations 2 years ago.",
        "A decade ago they marked the 22nd anniversary of diplomatic relations.",
    ] {
        assert_eq!(check(draft, "2024-11-15"), [], "{draft}");
    }
    assert_eq!(
        check(
            "Three years ago they marked the 30th anniversary of diplomatic relations.",
            "2024-11-15"
        ),
        [finding(
            "mismatch",
            "relations_anniversary",
            "30th",
            Some("29th")
        )]
    );
}

#[test]
fn consistency_inside_one_draft() {
    let draft = "Trade turnover reached $1.2 billion last year.\n\nBy then trade turnover stood at $1.5 billion.";
    assert_eq!(
        check(draft, "2013-07-17"),
        [finding(
            "inconsistent",
            "trade_turnover",
            "$1.5 billion",
            None
        )]
    );
    assert_eq!(
        check(
            "Trade turnover reached $1.2 billion. The trade turnover of $1.2 billion grew.",
            "2013-07-17"
        ),
        []
    );
}

#[test]
fn negating_another_verb_is_not_a_polarity_finding() {
    assert_eq!(
        check(
            "The leaders did not discuss the strategic partnership at length.",
            "2013-07-17"
        ),
        []
    );
    assert_eq!(
        check(
            "The leaders never signed a declaration on strategic partnership.",
            "2013-07-17"
        ),
        [finding(
            "polarity",
            "partnership_declared",
            "never signed",
            None
        )]
    );
}

#[test]
fn a_negation_in_another_clause_is_not_a_polarity_finding() {
    for text in [
        "Minsk has backed the strategic partnership, and Beijing in turn pledged not to meddle.",
        "They praised the strategic partnership, while critics did not share the view.",
        "The strategic partnership was declared and Beijing will not comment further.",
        "The strategic partnership was declared, which nobody could not see coming.",
    ] {
        assert_eq!(check(text, "2013-07-17"), [], "{text}");
    }
    assert_eq!(
        check(
            "The strategic partnership, the officials said, was not declared after all.",
            "2013-07-17"
        ),
        [finding(
            "polarity",
            "partnership_declared",
            "was not declared",
            None
        )]
    );
    // Two names joined by "and" are one subject, not a new clause.
    assert_eq!(
        check(
            "The strategic partnership that Minsk and Beijing did not sign.",
            "2013-07-17"
        ),
        [finding(
            "polarity",
            "partnership_declared",
            "did not sign",
            None
        )]
    );
}

#[test]
fn a_pronoun_stands_for_the_person_named_in_the_sentence_before() {
    let rules = r#"
source s "Source" date 2016-09-30
person lukashenko "Aleksandr Lukashenko" aka "Lukashenko"
person xi "Xi Jinping"
fact visit_number
  cite s
  when "trip to China"
  with lukashenko
  expect ordinal 9
"#;
    let found = |draft: &str| check_with(rules, draft, "2016-09-30");
    assert_eq!(
        found("Lukashenko landed in Beijing. It was his eighth trip to China."),
        [finding("mismatch", "visit_number", "eighth", Some("ninth"))]
    );
    // Not across a paragraph, not without a pronoun, and not for another person.
    assert_eq!(
        found("Lukashenko landed.\n\nIt was his eighth trip to China."),
        []
    );
    assert_eq!(
        found("Lukashenko landed. It was the eighth trip to China."),
        []
    );
    assert_eq!(
        found("Xi Jinping waited. It was his eighth trip to China."),
        []
    );
    // A person this sentence names is whom its pronoun is about.
    assert_eq!(
        found("Lukashenko landed. Xi Jinping said it was his eighth trip to China."),
        []
    );
}

#[test]
fn a_title_only_one_person_holds_names_that_person() {
    let rules = r#"
source s "Source" date 2013-07-16
person lukashenko "Aleksandr Lukashenko" aka "Lukashenko"
  title "President" aka "Belarusian President" from 1994-07-20
person xi "Xi Jinping"
  title "President" aka "Chinese President" from 2013-03-14
fact talks_date
  cite s
  when "talks"
  with xi
  expect date 2013-07-16
"#;
    let found = |draft: &str| check_with(rules, draft, "2013-07-17");
    assert_eq!(
        found("The Chinese President held talks with his guest on 15 July."),
        talks_on_15_july()
    );
    // "President" alone is the title of both: it names neither.
    assert_eq!(
        found("The President held talks with his guest on 15 July."),
        []
    );
    assert_eq!(found("The Belarusian President held talks on 15 July."), []);
}

#[test]
fn a_value_in_brackets_belongs_to_what_stands_before_them() {
    let rules = r#"
source s "Source" date 2013-07-16
fact declaration_date
  cite s
  when "declaration"
  expect date 2013-07-16
"#;
    let found = |draft: &str| check_with(rules, draft, "2013-07-17");
    assert_eq!(
        found("The visit (15–17 July), when the sides signed a declaration, went well."),
        []
    );
    assert_eq!(
        found("The declaration (signed on 17 July) crowned the visit."),
        [finding(
            "mismatch",
            "declaration_date",
            "17 July",
            Some("16 July")
        )]
    );
    assert_eq!(
        found("On 17 July (a Wednesday) the sides signed a declaration."),
        [finding(
            "mismatch",
            "declaration_date",
            "17 July",
            Some("16 July")
        )]
    );
}

#[test]
fn a_variant_mentioned_as_a_spelling_is_not_a_misspelling() {
    for text in [
        "Belarus (formerly Byelorussia) signed.",
        "Belarus, also spelled Byelorussia in older maps, signed.",
        "The Soviet-era spelling Byelorussia is gone.",
        "Belarus (in Russian: Byelorussia) signed.",
    ] {
        assert_eq!(check(text, "2013-07-17"), [], "{text}");
    }
    assert_eq!(
        check("Byelorussia signed. It was spelled out.", "2013-07-17"),
        [finding(
            "misspelling",
            "belarus",
            "Byelorussia",
            Some("Belarus")
        )]
    );
}

#[test]
fn possessives_and_curly_quotes_still_match() {
    assert_eq!(
        check(
            "Byelorussia’s leader and Byelorussia' friends met.",
            "2013-07-17"
        ),
        [
            finding("misspelling", "belarus", "Byelorussia", Some("Belarus")),
            finding("misspelling", "belarus", "Byelorussia", Some("Belarus")),
        ]
    );
    assert_eq!(
        check(
            "The People’s Republic of China’s talks in Shanghai ended.",
            "2013-07-17"
        ),
        [finding(
            "mismatch",
            "talks_place",
            "Shanghai",
            Some("Beijing")
        )]
    );
    // Case: a lower-case "china" is porcelain, not the country; cues match in any case.
    assert_eq!(
        check(
            "DIPLOMATIC RELATIONS were established on 20 January 1992.",
            "2013-07-17"
        ),
        []
    );
    assert_eq!(
        check(
            "DIPLOMATIC RELATIONS were established on 21 January 1992.",
            "2013-07-17"
        ),
        relations_on_21_january()
    );
}

#[test]
fn a_fact_about_another_event_gives_its_value_back() {
    // The 2016 fact comes first and wins the tie for the amount, but the sentence is about
    // 2013: it must let the 2013 fact have the value.
    let rules = r#"
source s "S" date 2013-07-16
event visit_2013 "2013 visit" from 2013-07-15 to 2013-07-17
event visit_2016 "2016 visit" from 2016-09-28 to 2016-09-30
fact total_2016
  cite s
  event visit_2016
  when "worth of agreements"
  expect money USD 3 billion
fact total_2013
  cite s
  event visit_2013
  when "worth of agreements"
  expect money USD 1.5 billion
"#;
    assert_eq!(
        check_with(
            rules,
            "They signed $2 billion worth of agreements.",
            "2013-07-17"
        ),
        [finding(
            "mismatch",
            "total_2013",
            "$2 billion",
            Some("$1.5 billion")
        )]
    );
    assert_eq!(
        check_with(
            rules,
            "They signed $2 billion worth of agreements.",
            "2016-09-30"
        ),
        [finding(
            "mismatch",
            "total_2016",
            "$2 billion",
            Some("$3 billion")
        )]
    );
}

#[test]
fn a_yearless_fact_of_an_event_takes_the_event_year() {
    let rules = r#"
source s "S" date 2013-07-16
event visit "Visit" from 2013-07-15 to 2013-07-17 aka "official visit"
fact meeting
  cite s
  event visit
  when "meet"
  expect date --07-17
"#;
    assert_eq!(
        check_with(rules, "He will meet the premier on 17 July.", "2013-07-16"),
        []
    );
    assert_eq!(
        check_with(
            rules,
            "He will meet the premier on 17 July 2013.",
            "2013-07-16"
        ),
        []
    );
    assert_eq!(
        check_with(
            rules,
            "During the official visit he will meet the premier on 17 July 2014.",
            "2013-07-16"
        ),
        [finding(
            "mismatch",
            "meeting",
            "17 July 2014",
            Some("17 July 2013")
        )]
    );
}

#[test]
fn double_negatives_and_relative_years() {
    assert_eq!(
        check(
            "Both sides have never wavered in their strategic partnership.",
            "2013-07-17"
        ),
        []
    );
    assert_eq!(
        check(
            "They marked the 20th anniversary of diplomatic relations last year.",
            "2013-07-17"
        ),
        []
    );
    assert_eq!(
        check(
            "They will mark the 21st anniversary of diplomatic relations next year.",
            "2013-07-17"
        ),
        [finding(
            "mismatch",
            "relations_anniversary",
            "21st",
            Some("22nd")
        )]
    );
}

#[test]
fn hyphens_inside_words_match_like_spaces() {
    assert_eq!(
        check("Vice-President Xi Jinping spoke.", "2013-07-17"),
        [finding(
            "outdated",
            "xi",
            "Vice-President",
            Some("President")
        )]
    );
    assert_eq!(
        check(
            "Diplomatic-relations were established on 21 January 1992.",
            "2013-07-17"
        ),
        relations_on_21_january()
    );
}

#[test]
fn a_duration_stated_as_years_ago_or_in_decades() {
    let rules = format!(
        "{RULES}fact relations_duration\n  cite belta\n  when \"years ago\" | \"diplomatic relations for\"\n  near \"diplomatic relations\"\n  expect duration of relations_established\n"
    );
    // "21 years ago" is the duration itself, not a shift of the year it is counted to.
    assert_eq!(
        check_with(
            &rules,
            "Belarus and China established diplomatic relations 21 years ago.",
            "2013-07-17"
        ),
        []
    );
    assert_eq!(
        check_with(
            &rules,
            "Belarus and China established diplomatic relations 25 years ago.",
            "2013-07-17"
        ),
        [finding("mismatch", "relations_duration", "25", Some("21"))]
    );
    // Decades count ten years each, and a fix keeps the unit where it can.
    assert_eq!(
        check_with(
            &rules,
            "The two countries have had diplomatic relations for three decades.",
            "2022-03-01"
        ),
        []
    );
    assert_eq!(
        check_with(
            &rules,
            "The two countries have had diplomatic relations for two decades.",
            "2022-03-01"
        ),
        [finding(
            "mismatch",
            "relations_duration",
            "two",
            Some("three")
        )]
    );
    assert_eq!(
        check_with(
            &rules,
            "The two countries have had diplomatic relations for three decades.",
            "2013-07-17"
        ),
        [finding("mismatch", "relations_duration", "three", None)]
    );
}

#[test]
fn negations_of_something_else_do_not_negate_the_fact() {
    let rules = format!(
        "{RULES}fact one_china\n  cite belta\n  when \"One China\"\n  near \"policy\"\n  affirm\nfact non_interference\n  cite belta\n  when \"interference\"\n  near \"oppose\" | \"against\"\n  affirm\nfact flag\n  cite belta\n  when \"flag\"\n  near \"raise\" | \"plant\"\n  affirm\nfact walked\n  cite belta\n  when \"walked on the Moon\"\n  affirm\n"
    );
    // The negated verb may open the cue: the phrase still takes it.
    assert_eq!(
        check_with(&rules, "Aldrin never walked on the Moon.", "2013-07-17"),
        [finding("polarity", "walked", "never walked", None)]
    );
    for draft in [
        // The negation has its own object, and a second verb states the fact.
        "Belarus does not recognise Taiwan and upholds the One China policy.",
        // Not departing from, not speaking against: affirmations.
        "Not once has Belarus departed from the One China policy.",
        "Not a single word against the One China policy was uttered in Minsk.",
        "Belarus has never challenged the One China policy.",
        // A negation inside a relative clause set off by commas.
        "The two countries, which do not oppose trade, oppose interference in internal affairs.",
    ] {
        assert_eq!(check_with(&rules, draft, "2013-07-17"), [], "{draft}");
    }
    // A verb that is one of the fact's own words is never neutral, and the phrase takes it.
    assert_eq!(
        check_with(&rules, "The crew did not raise a flag.", "2013-07-17"),
        [finding("polarity", "flag", "did not raise", None)]
    );
    assert_eq!(
        check_with(
            &rules,
            "Belarus did not sign and ratify anything on the One China policy.",
            "2013-07-17"
        ),
        [finding("polarity", "one_china", "did not sign", None)]
    );
    assert_eq!(
        check_with(
            &rules,
            "Belarus and China do not oppose interference in each other's affairs.",
            "2013-07-17"
        ),
        [finding(
            "polarity",
            "non_interference",
            "do not oppose",
            None
        )]
    );
}

#[test]
fn a_statement_between_other_parties_is_not_the_fact() {
    let rules = format!(
        "{RULES}fact talks_date\n  cite belta\n  event visit\n  when \"talks\"\n  with xi\n  expect date 2013-07-16\n"
    );
    for draft in [
        // Another counterpart after "with", or another pair joined by "and".
        "Xi Jinping held talks with Vladimir Putin in Moscow on 22 March 2013.",
        "Xi Jinping held talks with President Obama in California on 7 June 2013.",
        "In Sochi last month, Belarus and Russia signed agreements worth $2 billion.",
        "Venezuela and Belarus signed agreements worth $2 billion.",
        // A visit to another country.
        "Xi Jinping's visit to Kazakhstan produced deals worth $30 billion.",
    ] {
        assert_eq!(check_with(&rules, draft, "2013-07-17"), [], "{draft}");
    }
    // A fact that does not say who its parties are (no event participants, no `with`) knows
    // no strangers.
    assert_eq!(
        check_with(
            &rules,
            "Belarus and Russia established diplomatic relations on 10 June 1992.",
            "2013-07-17"
        ),
        [finding(
            "mismatch",
            "relations_established",
            "10 June 1992",
            Some("20 January 1992")
        )]
    );
    // The fact's own parties, however introduced, keep the statement.
    for (draft, found, fix) in [
        (
            "Lukashenko held talks with Chinese President Xi Jinping on 15 July.",
            "15 July",
            "16 July",
        ),
        (
            "Lukashenko held talks with Xi Jinping and Premier Wang Yi on 15 July.",
            "15 July",
            "16 July",
        ),
        (
            "Belarus and China signed agreements worth $2 billion.",
            "$2 billion",
            "$1.5 billion",
        ),
        (
            "Belarus and the People's Republic of China established diplomatic relations on 21 January 1992.",
            "21 January 1992",
            "20 January 1992",
        ),
    ] {
        let fact = if fix.contains('$') {
            "agreements_total"
        } else if fix.contains("1992") {
            "relations_established"
        } else {
            "talks_date"
        };
        assert_eq!(
            check_with(&rules, draft, "2013-07-17"),
            [finding("mismatch", fact, found, Some(fix))],
            "{draft}"
        );
    }
}

#[test]
fn a_value_of_another_clause_or_time_clause_is_not_the_facts() {
    let rules = format!(
        "{RULES}event later \"Later visit\" from 2016-09-28 to 2016-09-30 with lukashenko, xi\nfact talks_later\n  cite belta\n  event later\n  when \"talks\"\n  pattern \"talks ... on {{value}}\"\n  expect date 2016-09-29\nfact talks_first\n  cite belta\n  event visit\n  when \"talks\"\n  pattern \"talks ... on {{value}}\"\n  expect date 2013-07-16\nfact documents_later\n  cite belta\n  event later\n  when \"documents\"\n  near \"signed\"\n  expect count 26\nfact documents_planned\n  cite belta\n  event visit\n  when \"documents\"\n  near \"planned\"\n  expect count 20 approx\n"
    );
    for (draft, date) in [
        // The cue stands in a time clause ("after …"): the main clause's values are another
        // event's.
        (
            "China and Belarus opened embassies in 1993, a year after diplomatic relations were established.",
            "2013-07-17",
        ),
        (
            "Five years after diplomatic relations were established, in 1997, Lukashenko first visited Beijing.",
            "2013-07-17",
        ),
        (
            "After his talks with Xi Jinping in Beijing, Lukashenko flew to Shanghai on 18 July.",
            "2013-07-17",
        ),
        // ", then …" starts another predicate.
        (
            "Lukashenko held talks with Xi Jinping in the Chinese capital, then flew to Shanghai.",
            "2013-07-17",
        ),
        // A semicolon or a comparison keeps each clause's years and co-words to itself.
        (
            "In 2013 the talks with Xi Jinping were held on 16 July; in 2016, on 29 September.",
            "2018-06-01",
        ),
        (
            "In Minsk in May 2015, Xi Jinping and Lukashenko signed 17 documents; on 29 September 2016 they signed 26 more.",
            "2016-10-01",
        ),
        (
            "During the state visit, 26 documents were signed, compared with about 20 planned in 2013.",
            "2016-10-01",
        ),
    ] {
        assert_eq!(check_with(&rules, draft, date), [], "{draft}");
    }
    // A date inside the time clause is still the cue's.
    assert_eq!(
        check_with(
            &rules,
            "After diplomatic relations were established on 21 January 1992, embassies opened.",
            "2013-07-17"
        ),
        relations_on_21_january()
    );
}

#[test]
fn a_variant_named_as_a_spelling_or_of_another_person_is_no_misspelling() {
    let rules = r#"
person lukashenko "Aleksandr Lukashenko" aka "Alexander Lukashenko", "Lukashenko" avoid "Alexander Lukashenka", "Lukashenka"
country belarus "Belarus" avoid "Byelorussia"
"#;
    for draft in [
        "RFE/RL, which spells his name Lukashenka, covered the visit.",
        "Belarus (known in Soviet times as Byelorussia) signed the declaration.",
        "Ms Lukashenka, no relation, runs a cafe in Grodno.",
    ] {
        assert_eq!(check_with(rules, draft, "2013-07-17"), [], "{draft}");
    }
    // The fix is the accepted form closest to what the draft wrote.
    assert_eq!(
        check_with(
            rules,
            "Alexander Lukashenka arrived. Lukashenka spoke.",
            "2013-07-17"
        ),
        [
            finding(
                "misspelling",
                "lukashenko",
                "Alexander Lukashenka",
                Some("Alexander Lukashenko")
            ),
            finding(
                "misspelling",
                "lukashenko",
                "Lukashenka",
                Some("Lukashenko")
            ),
        ]
    );
}

#[test]
fn only_the_parties_of_the_statement_are_its_parties() {
    for draft in [
        // Witnesses, and where officials come from, are no parties.
        "An agreement on friendly exchanges was signed by Minsk and Shenzhen in the presence of officials from Beijing.",
        // The rejected side of a contrast, both names of it.
        "Minsk and Shenzhen — not Minsk and Beijing — agreed on friendly exchanges.",
        // A cue in an aside yields to the cue of the main clause.
        "Minsk, which already has friendly exchanges with Beijing, signed an agreement on friendly exchanges with Shenzhen.",
    ] {
        assert_eq!(check(draft, "2013-07-17"), [], "{draft}");
    }
    assert_eq!(
        check(
            "Minsk and Beijing agreed on friendly exchanges in the presence of officials from Shenzhen.",
            "2013-07-17"
        ),
        [finding("mismatch", "twinning", "Beijing", Some("Shenzhen"))]
    );
}

#[test]
fn a_count_goes_with_the_cue_it_counts() {
    for draft in [
        "Agreements to be signed: about 35 bilateral agreements.",
        "| Agreements to be signed | about 35 bilateral agreements |\n| --- | --- |",
    ] {
        assert_eq!(
            check(draft, "2013-07-16"),
            [finding("mismatch", "agreements_planned", "35", Some("20"))],
            "{draft}"
        );
    }
}

#[test]
fn an_aside_inside_a_subject_headed_by_the_cue_is_part_of_the_statement() {
    assert_eq!(
        check_with(
            CLAIM_RULES,
            "The talks between Xi Jinping and Lukashenko, held on 15 July, were open.",
            "2013-07-17"
        ),
        talks_on_15_july()
    );
    // An aside about a name after the verb stays background.
    assert_eq!(
        check_with(
            CLAIM_RULES,
            "Lukashenko held talks with Xi Jinping, elected in March 2013, on 16 July.",
            "2013-07-17"
        ),
        []
    );
}

#[test]
fn a_date_of_another_named_event_is_not_the_facts() {
    let rules = format!(
        "{RULES}fact in_office\n  cite belta\n  when \"president since\"\n  expect date 1994-07-20\n"
    );
    assert_eq!(
        check_with(
            &rules,
            "Lukashenko has been president since he won the election of 10 July 1994.",
            "2013-07-17"
        ),
        []
    );
    assert_eq!(
        check_with(
            &rules,
            "Lukashenko has been president since 10 July 1994.",
            "2013-07-17"
        ),
        [finding(
            "mismatch",
            "in_office",
            "10 July 1994",
            Some("20 July 1994")
        )]
    );
    // The event word after a character of several bytes.
    assert_eq!(
        check_with(
            &rules,
            "Lukashenko has been president since the “election of 10 July 1994”.",
            "2013-07-17"
        ),
        []
    );
}

#[test]
fn a_longer_cue_of_a_fact_not_stated_takes_nothing_away() {
    let rules = r#"
source s "S" date 1969-11-01
person aldrin "Buzz Aldrin" aka "Aldrin"
fact first_step
  cite s
  when "set foot"
  expect date 1969-07
fact aldrin_walked
  cite s
  when "set foot on the Moon"
  with aldrin
  affirm
"#;
    // The longer cue's fact needs Aldrin, who is not named: the shorter cue states its fact.
    assert_eq!(
        check_with(
            rules,
            "Armstrong set foot on the Moon in August 1969.",
            "1969-11-01"
        ),
        [finding(
            "mismatch",
            "first_step",
            "August 1969",
            Some("July 1969")
        )]
    );
    // Where the longer cue's fact is stated, the shorter one yields to it.
    assert_eq!(
        check_with(
            rules,
            "Aldrin set foot on the Moon in August 1969.",
            "1969-11-01"
        ),
        []
    );
}

#[test]
fn a_value_under_a_negated_predicate_is_denied_not_claimed() {
    for draft in [
        "Diplomatic relations were not established in 1993.",
        "Diplomatic ties were never established in 1993, whatever some say.",
        "The talks were not held in Shanghai.",
        "Diplomatic relations were established not in 1993 but in 1992.",
    ] {
        assert_eq!(check(draft, "2013-07-17"), [], "{draft}");
    }
    // "not … until" only says it happened later: the value is stated.
    assert_eq!(
        check(
            "Diplomatic relations were not established until 1993.",
            "2013-07-17"
        ),
        [finding(
            "mismatch",
            "relations_established",
            "1993",
            Some("1992")
        )]
    );
    // Without a negation of its own the wrong value is still found.
    for draft in [
        "Diplomatic relations were established in 1993.",
        "It is not widely known that diplomatic relations were established in 1993.",
    ] {
        assert_eq!(
            check(draft, "2013-07-17"),
            [finding(
                "mismatch",
                "relations_established",
                "1993",
                Some("1992")
            )],
            "{draft}"
        );
    }
}

#[test]
fn a_date_in_another_events_window_belongs_to_that_event() {
    let rules = format!(
        "{RULES}
event visit_2016 \"State visit 2016\" from 2016-09-28 to 2016-09-30 with lukashenko, xi
fact talks_date_2016
  cite belta
  event visit_2016
  when \"talks\"
  with xi
  expect date 2016-09-29
"
    );
    // Read in 2016, the correct date of the 2013 talks is no wrong date of the 2016 ones.
    assert_eq!(
        check_with(
            &rules,
            "Lukashenko held talks with Xi Jinping in Beijing on 16 July 2013.",
            "2016-10-05"
        ),
        []
    );
    // A date in no event's window is still a wrong date of the 2016 talks.
    assert_eq!(
        check_with(
            &rules,
            "Lukashenko held talks with Xi Jinping in Beijing on 29 October 2016.",
            "2016-10-05"
        ),
        [finding(
            "mismatch",
            "talks_date_2016",
            "29 October 2016",
            Some("29 September 2016")
        )]
    );
}

#[test]
fn a_fact_without_parties_is_not_stated_of_a_stranger_after_with() {
    assert_eq!(
        check(
            "China established diplomatic relations with Ukraine on 4 January 1992.",
            "2013-07-17"
        ),
        []
    );
    assert_eq!(
        check(
            "Belarus established diplomatic relations with China on 21 January 1992.",
            "2013-07-17"
        ),
        relations_on_21_january()
    );
}

#[test]
fn a_heading_or_parent_item_dates_what_stands_under_it() {
    let rules = format!(
        "{RULES}
event visit_2016 \"State visit 2016\" from 2016-09-28 to 2016-09-30 with lukashenko, xi
fact talks_place_2016
  cite belta
  event visit_2016
  when \"talks\"
  expect entity beijing
"
    );
    let timeline = "## Visits\n\n- 2016, 28–30 September: state visit\n  - Talks in Shanghai.\n  - 30 September: Lukashenko meets Premier Li Keqiang.\n";
    // Read in 2023: the parent item dates its children to the 2016 visit, so the talks are
    // the visit's and Li Keqiang was Premier then.
    assert_eq!(
        check_with(&rules, timeline, "2023-06-01"),
        [finding(
            "mismatch",
            "talks_place_2016",
            "Shanghai",
            Some("Beijing")
        )]
    );
    // Under a heading of another year, the same sentence is that year's.
    assert_eq!(
        check_with(&rules, "## 2019\n\nTalks in Shanghai.\n", "2016-10-01"),
        []
    );
    // A bare year of the event names it too.
    assert_eq!(
        check_with(&rules, "2016: talks in Shanghai.", "2023-06-01"),
        [finding(
            "mismatch",
            "talks_place_2016",
            "Shanghai",
            Some("Beijing")
        )]
    );
}

#[test]
fn the_year_of_a_citation_dates_the_source_not_the_statement() {
    for draft in [
        "The sides signed agreements worth $2 billion (Smith 2014).",
        "The sides signed agreements worth $2 billion (Reuters, 2014).",
    ] {
        assert_eq!(
            check(draft, "2013-09-01"),
            [finding(
                "mismatch",
                "agreements_total",
                "$2 billion",
                Some("$1.5 billion")
            )],
            "{draft}"
        );
    }
    // A year in brackets that is not a citation still dates the statement.
    assert_eq!(
        check(
            "The sides signed agreements worth $2 billion (in 2014).",
            "2013-09-01"
        ),
        []
    );
}

#[test]
fn the_base_facts_own_year_is_no_reference_year() {
    let rules = format!(
        "{RULES}
fact relations_duration
  cite belta
  when \"years since\"
  expect duration of relations_established
"
    );
    // 1993 is the (wrong) year of the relations themselves, not the year the duration runs to.
    assert_eq!(
        check_with(
            &rules,
            "It is 21 years since diplomatic relations were established in 1993.",
            "2013-07-22"
        ),
        [finding(
            "mismatch",
            "relations_established",
            "1993",
            Some("1992")
        )]
    );
    // A year before the base cue still is the reference.
    assert_eq!(
        check_with(
            &rules,
            "In 2012 it was 21 years since diplomatic relations were established.",
            "2013-07-22"
        ),
        [finding("mismatch", "relations_duration", "21", Some("20"))]
    );
}

#[test]
fn questions_and_quiz_items_state_nothing() {
    for draft in [
        "Is it true that diplomatic relations were established on 21 January 1992?",
        "**4.** True or false: diplomatic relations were established on 21 January 1992.",
        "When were diplomatic relations established? a) 25 December 1991 b) 20 January 1992",
    ] {
        assert_eq!(check(draft, "2013-07-17"), [], "{draft}");
    }
    // A question that presupposes a wrong value, or tells it, still states it.
    for draft in [
        "Why were diplomatic relations established on 21 January 1992?",
        "Did you know that diplomatic relations were established on 21 January 1992?",
    ] {
        assert_eq!(
            check(draft, "2013-07-17"),
            relations_on_21_january(),
            "{draft}"
        );
    }
}

#[test]
fn a_message_says_in_before_a_month_or_a_year() {
    let template = "Held on {expected}, not on {found}.";
    let filled = |expected: &str, found: &str| {
        super::message(
            Some(template),
            crate::diagnostic::FindingKind::Mismatch,
            "f",
            found,
            expected,
            None,
        )
    };
    assert_eq!(filled("1992", "1993"), "Held in 1992, not in 1993.");
    assert_eq!(
        filled("January 1992", "20 January 1993"),
        "Held in January 1992, not on 20 January 1993."
    );
    assert_eq!(
        filled("January 20, 1992", "January 21, 1992"),
        "Held on January 20, 1992, not on January 21, 1992."
    );
}
