//! Extraction throughput over number-dense prose generated here (deterministic, ~4 MB).
//! divan prints bytes per second next to each timing.

use divan::counter::BytesCount;
use factlint::extract::extract;

fn main() {
    divan::main();
}

/// Sentences with dates, money, percentages, ordinals, hedges, ranges and traps, varied by a
/// small generator so that the text is not one repeated line.
fn number_dense_prose(target_len: usize) -> String {
    let months = [
        "January", "Feb.", "March", "April", "May", "June", "July", "Sept.",
    ];
    let currencies = ["$", "€", "£", "US$", "RM"];
    let mut text = String::with_capacity(target_len + 256);
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    while text.len() < target_len {
        let a = next();
        let day = a % 28 + 1;
        let month = months[(a >> 8) as usize % months.len()];
        let year = 1950 + (a >> 16) % 70;
        let currency = currencies[(a >> 24) as usize % currencies.len()];
        let amount = (a >> 32) % 900 + 10;
        let share = (a >> 40) % 100;
        let count = (a >> 48) % 5000;
        let sentence = match a % 5 {
            0 => format!(
                "On {day} {month} {year} the ministers signed {count} agreements worth about {currency}{amount}.{share} billion, the {day}th such deal. "
            ),
            1 => format!(
                "Exports rose {share}.5% in {year} to {amount} million euros, while imports fell by more than {count} tonnes between {day} and {share} March. "
            ),
            2 => format!(
                "Call +375 17 {amount}-{share}-04 before 3 p.m.; COVID-19 cases reached {count:>4} and the G20 met in the {year}s, see Chapter {day}. "
            ),
            3 => format!(
                "Some {amount},{count:03} people, nearly twenty-one percent of the town, attended on {month} {day}, {year}, up from {share} in {year}. "
            ),
            _ => format!(
                "The fund of {currency}{day}-{amount} million paid {count} dividends on {day:02}/{:02}/{year}, roughly one hundred and five each. ",
                (a >> 4) % 12 + 1
            ),
        };
        text.push_str(&sentence);
    }
    text
}

#[divan::bench]
fn extract_number_dense_prose(bencher: divan::Bencher) {
    let text = number_dense_prose(4 * 1024 * 1024);
    bencher
        .counter(BytesCount::of_str(&text))
        .bench(|| extract(divan::black_box(&text)).len());
}

#[divan::bench]
fn extract_one_sentence(bencher: divan::Bencher) {
    let text = "On 16 July 2013 the two leaders signed 12 agreements worth about $1.5 billion.";
    bencher
        .counter(BytesCount::of_str(text))
        .bench(|| extract(divan::black_box(text)).len());
}

/// As the engine calls it: once per sentence (~100–300 bytes), so that the per-call cost (the
/// token buffer, the set-up) counts as it does in a check.
#[divan::bench]
fn extract_per_sentence(bencher: divan::Bencher) {
    let text = number_dense_prose(256 * 1024);
    let sentences: Vec<&str> = text.split_inclusive(". ").collect();
    bencher.counter(BytesCount::of_str(&text)).bench(|| {
        sentences
            .iter()
            .map(|sentence| extract(divan::black_box(sentence)).len())
            .sum::<usize>()
    });
}
