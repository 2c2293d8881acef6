//! A generated corpus for the throughput measurements (`benches/check.rs` and
//! `benches/compare-rg.sh`, through `examples/corpus.rs`).
//!
//! Ordinary news prose about many things — councils, weather, markets, sport, science, culture,
//! trade — with the numbers, dates, amounts, percentages and names such prose has, and now and
//! then China or Belarus named in passing. A given share of its paragraphs is taken from the
//! sample drafts instead: prose about the very facts of the article pack, where every sentence
//! sets the engine to work. Share 0 is prose the pack has nothing to say about; share 100 is the
//! sample drafts repeated. The same seed gives the same corpus.

#![allow(dead_code)]

use factlint::value::MONTH_NAMES;
use std::path::Path;

/// A small deterministic generator (xorshift64*): the corpus must be the same on every run.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..bound`.
    pub fn below(&mut self, bound: usize) -> usize {
        (self.next_u64() % bound.max(1) as u64) as usize
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    /// True `percent` times in a hundred.
    pub fn chance(&mut self, percent: u32) -> bool {
        self.below(100) < percent as usize
    }
}

const CITIES: &[&str] = &[
    "Lisbon",
    "Tampere",
    "Gdansk",
    "Porto Alegre",
    "Leeds",
    "Valencia",
    "Kaunas",
    "Brno",
    "Graz",
    "Aarhus",
    "Cork",
    "Utrecht",
    "Malaga",
    "Ghent",
    "Tartu",
    "Bergen",
];
const PEOPLE: &[&str] = &[
    "Maria Okafor",
    "Jonas Lindqvist",
    "Priya Raman",
    "Tomasz Wrona",
    "Elena Duarte",
    "Hugo Marchetti",
    "Aiko Tanabe",
    "Samuel Achterberg",
    "Nadia Haddad",
    "Lukas Brenner",
];
const ROLES: &[&str] = &[
    "the mayor",
    "the council's finance chief",
    "a spokesperson for the utility",
    "the head coach",
    "the museum's director",
    "a senior economist",
    "the lead researcher",
    "the union's chair",
    "the harbour master",
    "the festival organiser",
];
const THINGS: &[&str] = &[
    "the new tram line",
    "the flood barrier",
    "the school meals scheme",
    "the river bridge",
    "the library extension",
    "the cycling network",
    "the heat pump programme",
    "the harbour dredging",
    "the hospital car park",
    "the wind farm",
];
const TEAMS: &[&str] = &[
    "the home side",
    "the visitors",
    "the under-21 squad",
    "the women's team",
    "the champions",
];
const GOODS: &[&str] = &[
    "apples",
    "timber",
    "dairy products",
    "machine parts",
    "potash",
    "rapeseed oil",
    "flax fibre",
    "tractor tyres",
    "frozen fish",
    "wool",
];

/// One sentence of ordinary prose.
fn sentence(rng: &mut Rng) -> String {
    let city = rng.pick(CITIES);
    let person = rng.pick(PEOPLE);
    let role = rng.pick(ROLES);
    let thing = rng.pick(THINGS);
    let month = rng.pick(&MONTH_NAMES);
    let day = 1 + rng.below(28);
    let year = 1995 + rng.below(31);
    let number = 2 + rng.below(480);
    let percent = format!("{}.{}", rng.below(40), rng.below(10));
    let millions = 1 + rng.below(900);
    let goods = rng.pick(GOODS);
    let team = rng.pick(TEAMS);
    match rng.below(24) {
        0 => format!("Work on {thing} in {city} is due to finish by {month} {year}, {role} said."),
        1 => format!(
            "{person}, {role}, told reporters that the budget had grown by {percent}% since last spring."
        ),
        2 => format!(
            "The council voted {number} to {} on Tuesday to keep the evening bus routes.",
            rng.below(number)
        ),
        3 => format!(
            "Temperatures in {city} reached {} degrees on {day} {month}, the warmest day recorded there since {year}.",
            20 + rng.below(19)
        ),
        4 => format!(
            "Shares in the regional lender fell {percent}% after it cut its forecast for the year."
        ),
        5 => format!(
            "{team} won {}-{} in front of {number},{:03} supporters.",
            rng.below(6),
            rng.below(4),
            rng.below(1000)
        ),
        6 => format!(
            "The contract for {thing} is worth about €{millions} million and runs until {year}."
        ),
        7 => format!(
            "Exports of {goods} to China rose by {percent}% in {year}, according to customs figures."
        ),
        8 => format!(
            "A delegation from {city} spent {} days in Belarus studying how farms there store grain.",
            2 + rng.below(9)
        ),
        9 => format!(
            "Researchers at the university tracked {number} patients for {} years and found no link between the two.",
            2 + rng.below(12)
        ),
        10 => format!(
            "The exhibition opens on {month} {day} and closes at the end of the following month."
        ),
        11 => format!(
            "\"We did not expect so many people,\" said {person}, who has run the market for {} years.",
            3 + rng.below(30)
        ),
        12 => format!(
            "The harbour handled {number},{:03} containers last year, {percent}% more than the year before.",
            rng.below(1000)
        ),
        13 => format!(
            "Tickets cost ${} for adults and half that for children under {}.",
            5 + rng.below(60),
            10 + rng.below(6)
        ),
        14 => format!(
            "Since {year} the population of {city} has grown to roughly {number},{:03}.",
            rng.below(1000)
        ),
        15 => format!("{role} declined to say when {thing} would reopen."),
        16 => format!(
            "Rainfall in {month} was {percent}% below the long-term average, the weather service said."
        ),
        17 => format!(
            "The orchestra will play {} concerts this season, {} of them outside {city}.",
            10 + rng.below(40),
            2 + rng.below(8)
        ),
        18 => format!(
            "Fuel prices have risen for the {} week in a row.",
            ["third", "fourth", "fifth", "sixth"][rng.below(4)]
        ),
        19 => format!(
            "The firm plans to hire {number} engineers in {city} over the next {} years.",
            2 + rng.below(5)
        ),
        20 => format!(
            "In {year} the old mill was turned into flats; {} families now live there.",
            10 + rng.below(90)
        ),
        21 => format!(
            "Chinese and Belarusian students took part in a chess tournament in {city} last weekend."
        ),
        22 => format!(
            "The committee met on {day} {month} {year} and agreed to publish its findings in the autumn."
        ),
        _ => format!(
            "Visitors spent an average of {} hours at the fair, up from {} a year earlier.",
            2 + rng.below(4),
            1 + rng.below(3)
        ),
    }
}

/// One paragraph of ordinary prose: three to six sentences.
fn paragraph(rng: &mut Rng) -> String {
    let count = 3 + rng.below(4);
    (0..count)
        .map(|_| sentence(rng))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The paragraphs of the sample drafts (front matter left out), in file order.
pub fn sample_paragraphs(samples: &Path) -> Vec<String> {
    let mut paths: Vec<_> = std::fs::read_dir(samples)
        .map(|entries| entries.flatten().map(|entry| entry.path()).collect())
        .unwrap_or_default();
    paths.sort();
    let mut paragraphs = Vec::new();
    for path in paths {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let body = text
            .strip_prefix("---")
            .and_then(|rest| rest.split_once("\n---\n"))
            .map_or(text.as_str(), |(_, body)| body);
        paragraphs.extend(
            body.split("\n\n")
                .map(str::trim)
                .filter(|paragraph| !paragraph.is_empty())
                .map(str::to_string),
        );
    }
    paragraphs
}

/// One draft of about `bytes` bytes: a title, then paragraphs, `share` percent of them taken in
/// turn from `samples` (`next_sample` keeps the place between drafts).
pub fn draft(
    rng: &mut Rng,
    bytes: usize,
    share: u32,
    samples: &[String],
    next_sample: &mut usize,
) -> String {
    let mut text = format!("# Notes from {}\n\n", rng.pick(CITIES));
    while text.len() < bytes {
        if !samples.is_empty() && rng.chance(share) {
            text.push_str(&samples[*next_sample % samples.len()]);
            *next_sample += 1;
        } else {
            text.push_str(&paragraph(rng));
        }
        text.push_str("\n\n");
    }
    text
}

/// Drafts of about `each` bytes, about `total` bytes in all.
pub fn corpus(total: usize, each: usize, share: u32, samples: &[String], seed: u64) -> Vec<String> {
    let mut rng = Rng::new(seed);
    let mut next_sample = 0;
    let mut drafts = Vec::new();
    let mut size = 0;
    while size < total {
        let draft = draft(&mut rng, each, share, samples, &mut next_sample);
        size += draft.len();
        drafts.push(draft);
    }
    drafts
}
