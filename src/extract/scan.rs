//! The shared scanner: splits a text into words, digit runs and symbols (one pass, one `Vec`),
//! classifies every word once against the lexicon, and offers the small look-ups the value
//! readers share. URLs and e-mail addresses become one opaque token so that no value is read
//! out of them.

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A run of alphabetic characters.
    Word,
    /// A run of ASCII digits.
    Digits,
    /// One other non-space character.
    Symbol(char),
    /// A URL or an e-mail address: never read.
    Opaque,
}

/// What the lexicon knows about a word (lowercased).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Lex {
    Other,
    /// zero..nineteen, twenty..ninety.
    Cardinal(u64),
    /// hundred, thousand, million, … and their written abbreviations.
    Scale(f64),
    /// Suffix abbreviations that scale a number only right after its digits: k, m, bn, mln, …
    ScaleAbbreviation(f64),
    /// first..twentieth, thirtieth..ninetieth, hundredth, … and compounds ("twentyfifth").
    Ordinal(u64),
    /// A month, 1–12.
    Month(u8),
    Weekday,
    /// A currency name or prefix that names its currency ("euros", "yuan", "ringgit").
    Currency(&'static str),
    /// "dollar(s)": the currency comes from the options unless an adjective names it.
    Dollar,
    /// A generic currency word whose country comes from an adjective ("pounds", "rubles").
    CurrencyFamily(Family),
    /// An adjective naming a country's currency ("Belarusian", "US").
    CurrencyAdjective(Adjective),
    /// The minor unit of a currency: cents, pence, sen, kopecks.
    MinorUnit,
    /// "the"
    The,
    /// "a", "an"
    Article,
    /// "minus", "negative"
    Minus,
    /// "point" (as in "two point five")
    Point,
    /// "half"
    Half,
    /// "dozen", "dozens"
    Dozen,
    /// "couple", "pair"
    Couple,
    /// "few" (read only as "a few", about three)
    Few,
    /// The first word of a hedge ("about", "more than", "at least", "between").
    Hedge,
    /// A word that may stand before a currency amount as a prefix ("Rs", "RM", "RMB").
    CurrencyPrefix(&'static str),
}

/// Currency names shared by several countries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Family {
    Dollar,
    Pound,
    Ruble,
    Rupee,
    Riyal,
    Dinar,
    Franc,
    Peso,
    Krone,
    Ringgit,
    Yuan,
    Yen,
}

/// A country adjective and the currency it picks in each family.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Adjective(pub &'static [(Family, &'static str)]);

#[derive(Clone, Copy, Debug)]
pub(crate) struct Token {
    pub kind: Kind,
    pub lex: Lex,
    pub start: usize,
    pub end: usize,
    /// Whether whitespace (or the start of the text) comes right before this token.
    pub spaced: bool,
}

/// The tokens of one text.
pub(crate) struct Scan<'t> {
    pub text: &'t str,
    pub tokens: Vec<Token>,
}

impl<'t> Scan<'t> {
    pub fn new(text: &'t str) -> Self {
        let bytes = text.as_bytes();
        let mut tokens = Vec::with_capacity(text.len() / 4 + 1);
        let mut at = 0;
        let mut spaced = true;
        let mut chunk_checked_until = 0;
        while at < bytes.len() {
            let byte = bytes[at];
            if byte == b' ' || byte == b'\n' || byte == b'\t' || byte == b'\r' {
                at += 1;
                spaced = true;
                continue;
            }
            if at >= chunk_checked_until {
                let chunk_end = bytes[at..]
                    .iter()
                    .position(|b| b.is_ascii_whitespace())
                    .map_or(bytes.len(), |offset| at + offset);
                chunk_checked_until = chunk_end;
                if is_address(&bytes[at..chunk_end]) {
                    tokens.push(Token {
                        kind: Kind::Opaque,
                        lex: Lex::Other,
                        start: at,
                        end: chunk_end,
                        spaced,
                    });
                    at = chunk_end;
                    spaced = false;
                    continue;
                }
            }
            if byte.is_ascii_digit() {
                let end = run_end(bytes, at, |b| b.is_ascii_digit());
                tokens.push(Token {
                    kind: Kind::Digits,
                    lex: Lex::Other,
                    start: at,
                    end,
                    spaced,
                });
                at = end;
                spaced = false;
                continue;
            }
            if byte.is_ascii_alphabetic() || byte >= 0x80 {
                let Some(ch) = text.get(at..).and_then(|rest| rest.chars().next()) else {
                    break;
                };
                if ch.is_whitespace() {
                    at += ch.len_utf8();
                    spaced = true;
                    continue;
                }
                if ch.is_alphabetic() {
                    let mut end = at;
                    for (offset, next) in text[at..].char_indices() {
                        if !next.is_alphabetic() {
                            break;
                        }
                        end = at + offset + next.len_utf8();
                    }
                    let lex = classify(&text[at..end]);
                    tokens.push(Token {
                        kind: Kind::Word,
                        lex,
                        start: at,
                        end,
                        spaced,
                    });
                    at = end;
                    spaced = false;
                    continue;
                }
                tokens.push(Token {
                    kind: Kind::Symbol(ch),
                    lex: Lex::Other,
                    start: at,
                    end: at + ch.len_utf8(),
                    spaced,
                });
                at += ch.len_utf8();
                spaced = false;
                continue;
            }
            tokens.push(Token {
                kind: Kind::Symbol(byte as char),
                lex: Lex::Other,
                start: at,
                end: at + 1,
                spaced,
            });
            at += 1;
            spaced = false;
        }
        Scan { text, tokens }
    }

    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    pub fn token(&self, index: usize) -> Option<&Token> {
        self.tokens.get(index)
    }

    pub fn str(&self, index: usize) -> &'t str {
        self.tokens
            .get(index)
            .and_then(|token| self.text.get(token.start..token.end))
            .unwrap_or("")
    }

    pub fn kind(&self, index: usize) -> Option<Kind> {
        self.tokens.get(index).map(|token| token.kind)
    }

    pub fn lex(&self, index: usize) -> Lex {
        self.tokens.get(index).map_or(Lex::Other, |token| token.lex)
    }

    /// Whether token `index` exists and follows the token before it with no space.
    pub fn attached(&self, index: usize) -> bool {
        self.tokens.get(index).is_some_and(|token| !token.spaced)
    }

    pub fn is_digits(&self, index: usize) -> bool {
        self.kind(index) == Some(Kind::Digits)
    }

    pub fn is_symbol(&self, index: usize, symbol: char) -> bool {
        self.kind(index) == Some(Kind::Symbol(symbol))
    }

    pub fn symbol(&self, index: usize) -> Option<char> {
        match self.kind(index) {
            Some(Kind::Symbol(symbol)) => Some(symbol),
            _ => None,
        }
    }

    /// Whether token `index` is a dash or hyphen of any kind.
    pub fn is_dash(&self, index: usize) -> bool {
        matches!(self.symbol(index), Some('-' | '–' | '—' | '‐' | '‑' | '−'))
    }

    /// Whether token `index` is the word `word` (ASCII case-insensitive).
    pub fn is_word(&self, index: usize, word: &str) -> bool {
        self.kind(index) == Some(Kind::Word) && self.str(index).eq_ignore_ascii_case(word)
    }

    /// Whether token `index` is one of `words`.
    pub fn is_any_word(&self, index: usize, words: &[&str]) -> bool {
        self.kind(index) == Some(Kind::Word) && {
            let text = self.str(index);
            words.iter().any(|word| text.eq_ignore_ascii_case(word))
        }
    }

    /// The value of a digit run, if it fits.
    pub fn digits_value(&self, index: usize) -> Option<u64> {
        if !self.is_digits(index) {
            return None;
        }
        let text = self.str(index);
        if text.len() > 18 {
            return None;
        }
        text.parse().ok()
    }

    /// The number of digits of a digit run (0 when it is not one).
    pub fn digits_len(&self, index: usize) -> usize {
        if self.is_digits(index) {
            self.str(index).len()
        } else {
            0
        }
    }

    /// The byte offset where token `index` starts (the text's end past the last token).
    pub fn start(&self, index: usize) -> usize {
        self.tokens
            .get(index)
            .map_or(self.text.len(), |token| token.start)
    }

    /// The byte offset where token `index` ends.
    pub fn end(&self, index: usize) -> usize {
        self.tokens
            .get(index)
            .map_or(self.text.len(), |token| token.end)
    }

    /// Whether the gap before token `index` is exactly one space-like character (a plain,
    /// no-break, thin or narrow no-break space), as thousands separators are written.
    pub fn single_space_before(&self, index: usize) -> bool {
        if index == 0 {
            return false;
        }
        let gap = self
            .text
            .get(self.end(index - 1)..self.start(index))
            .unwrap_or("");
        matches!(gap, " " | "\u{a0}" | "\u{2009}" | "\u{202f}")
    }
}

fn run_end(bytes: &[u8], start: usize, keep: impl Fn(u8) -> bool) -> usize {
    bytes[start..]
        .iter()
        .position(|&b| !keep(b))
        .map_or(bytes.len(), |offset| start + offset)
}

/// Whether a whitespace-free chunk is a URL or an e-mail address.
fn is_address(chunk: &[u8]) -> bool {
    if chunk.len() < 4 {
        return false;
    }
    if chunk.len() >= 4 && chunk[..4].eq_ignore_ascii_case(b"www.") {
        return true;
    }
    chunk.windows(3).any(|window| window == b"://")
        || chunk.iter().position(|&b| b == b'@').is_some_and(|at| {
            at > 0 && chunk[at + 1..].contains(&b'.') && chunk[at + 1..].len() > 2
        })
}

/// Classify a word through the lexicon. Words longer than 16 bytes or not ASCII are `Other`.
fn classify(word: &str) -> Lex {
    if word.len() > 16 || !word.is_ascii() {
        return Lex::Other;
    }
    let mut buffer = [0u8; 16];
    let lower = &mut buffer[..word.len()];
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    let Ok(lower) = std::str::from_utf8(lower) else {
        return Lex::Other;
    };
    // Case matters for a few words: "May" the month (not "may"), "M" for million.
    match word {
        "May" | "MAY" => return Lex::Month(5),
        "may" => return Lex::Other,
        "M" | "MM" | "mn" | "Mn" => return Lex::ScaleAbbreviation(1e6),
        "B" | "Bn" | "BN" | "G" => return Lex::ScaleAbbreviation(1e9),
        _ => {}
    }
    if let Some(lex) = lookup(lower) {
        return lex;
    }
    compound_ordinal(lower).map_or(Lex::Other, Lex::Ordinal)
}

/// "twentyfifth" → 25: a tens word run together with a unit ordinal.
fn compound_ordinal(word: &str) -> Option<u64> {
    const TENS: [(&str, u64); 8] = [
        ("twenty", 20),
        ("thirty", 30),
        ("forty", 40),
        ("fifty", 50),
        ("sixty", 60),
        ("seventy", 70),
        ("eighty", 80),
        ("ninety", 90),
    ];
    let (tens, rest) = TENS
        .iter()
        .find_map(|(prefix, value)| word.strip_prefix(prefix).map(|rest| (*value, rest)))?;
    match lookup(rest)? {
        Lex::Ordinal(unit) if (1..=9).contains(&unit) => Some(tens + unit),
        _ => None,
    }
}

const US: Adjective = Adjective(&[(Family::Dollar, "USD")]);
const CANADIAN: Adjective = Adjective(&[(Family::Dollar, "CAD")]);
const AUSTRALIAN: Adjective = Adjective(&[(Family::Dollar, "AUD")]);
const SINGAPORE: Adjective = Adjective(&[(Family::Dollar, "SGD")]);
const BRITISH: Adjective = Adjective(&[(Family::Pound, "GBP")]);
const EGYPTIAN: Adjective = Adjective(&[(Family::Pound, "EGP")]);
const LEBANESE: Adjective = Adjective(&[(Family::Pound, "LBP")]);
const BELARUSIAN: Adjective = Adjective(&[(Family::Ruble, "BYN")]);
const RUSSIAN: Adjective = Adjective(&[(Family::Ruble, "RUB")]);
const INDIAN: Adjective = Adjective(&[(Family::Rupee, "INR")]);
const PAKISTANI: Adjective = Adjective(&[(Family::Rupee, "PKR")]);
const SAUDI: Adjective = Adjective(&[(Family::Riyal, "SAR")]);
const QATARI: Adjective = Adjective(&[(Family::Riyal, "QAR")]);
const KUWAITI: Adjective = Adjective(&[(Family::Dinar, "KWD")]);
const SWISS: Adjective = Adjective(&[(Family::Franc, "CHF")]);
const MEXICAN: Adjective = Adjective(&[(Family::Peso, "MXN")]);
const PHILIPPINE: Adjective = Adjective(&[(Family::Peso, "PHP")]);
const ARGENTINE: Adjective = Adjective(&[(Family::Peso, "ARS")]);
const NORWEGIAN: Adjective = Adjective(&[(Family::Krone, "NOK")]);
const DANISH: Adjective = Adjective(&[(Family::Krone, "DKK")]);
const MALAYSIAN: Adjective = Adjective(&[(Family::Ringgit, "MYR")]);
const CHINESE: Adjective = Adjective(&[(Family::Yuan, "CNY")]);
const JAPANESE: Adjective = Adjective(&[(Family::Yen, "JPY")]);
const NEW_ZEALAND: Adjective = Adjective(&[(Family::Dollar, "NZD")]);

fn lookup(word: &str) -> Option<Lex> {
    use Lex::*;
    Some(match word {
        "zero" | "nought" | "naught" | "nil" => Cardinal(0),
        "one" | "single" => Cardinal(1),
        "two" => Cardinal(2),
        "three" => Cardinal(3),
        "four" => Cardinal(4),
        "five" => Cardinal(5),
        "six" => Cardinal(6),
        "seven" => Cardinal(7),
        "eight" => Cardinal(8),
        "nine" => Cardinal(9),
        "ten" => Cardinal(10),
        "eleven" => Cardinal(11),
        "twelve" => Cardinal(12),
        "thirteen" => Cardinal(13),
        "fourteen" => Cardinal(14),
        "fifteen" => Cardinal(15),
        "sixteen" => Cardinal(16),
        "seventeen" => Cardinal(17),
        "eighteen" => Cardinal(18),
        "nineteen" => Cardinal(19),
        "twenty" => Cardinal(20),
        "thirty" => Cardinal(30),
        "forty" | "fourty" => Cardinal(40),
        "fifty" => Cardinal(50),
        "sixty" => Cardinal(60),
        "seventy" => Cardinal(70),
        "eighty" => Cardinal(80),
        "ninety" => Cardinal(90),
        "hundred" | "hundreds" => Scale(100.0),
        "thousand" | "thousands" => Scale(1e3),
        "million" | "millions" => Scale(1e6),
        "billion" | "billions" => Scale(1e9),
        "trillion" | "trillions" => Scale(1e12),
        "lakh" | "lakhs" | "lac" | "lacs" | "lkh" | "lkhs" => Scale(1e5),
        "crore" | "crores" | "krore" | "krores" | "cr" | "kr" => Scale(1e7),
        "k" => ScaleAbbreviation(1e3),
        "mln" | "mil" | "mio" => ScaleAbbreviation(1e6),
        "bn" | "bln" | "bil" => ScaleAbbreviation(1e9),
        "tn" | "trn" => ScaleAbbreviation(1e12),
        "first" => Ordinal(1),
        "second" => Ordinal(2),
        "third" => Ordinal(3),
        "fourth" => Ordinal(4),
        "fifth" => Ordinal(5),
        "sixth" => Ordinal(6),
        "seventh" => Ordinal(7),
        "eighth" => Ordinal(8),
        "ninth" => Ordinal(9),
        "tenth" => Ordinal(10),
        "eleventh" => Ordinal(11),
        "twelfth" => Ordinal(12),
        "thirteenth" => Ordinal(13),
        "fourteenth" => Ordinal(14),
        "fifteenth" => Ordinal(15),
        "sixteenth" => Ordinal(16),
        "seventeenth" => Ordinal(17),
        "eighteenth" => Ordinal(18),
        "nineteenth" => Ordinal(19),
        "twentieth" => Ordinal(20),
        "thirtieth" => Ordinal(30),
        "fortieth" => Ordinal(40),
        "fiftieth" => Ordinal(50),
        "sixtieth" => Ordinal(60),
        "seventieth" => Ordinal(70),
        "eightieth" => Ordinal(80),
        "ninetieth" => Ordinal(90),
        "hundredth" => Ordinal(100),
        "thousandth" => Ordinal(1000),
        "millionth" => Ordinal(1_000_000),
        "january" | "jan" => Month(1),
        "february" | "feb" => Month(2),
        "march" | "mar" => Month(3),
        "april" | "apr" => Month(4),
        "june" | "jun" => Month(6),
        "july" | "jul" => Month(7),
        "august" | "aug" => Month(8),
        "september" | "sep" | "sept" => Month(9),
        "october" | "oct" => Month(10),
        "november" | "nov" => Month(11),
        "december" | "dec" => Month(12),
        "monday" | "mon" | "tuesday" | "tue" | "tues" | "wednesday" | "wed" | "thursday"
        | "thu" | "thur" | "thurs" | "friday" | "fri" | "saturday" | "sat" | "sunday" | "sun" => {
            Weekday
        }
        "dollar" | "dollars" | "buck" | "bucks" => Dollar,
        "euro" | "euros" => Currency("EUR"),
        "pound" | "pounds" | "quid" => CurrencyFamily(Family::Pound),
        "sterling" => Currency("GBP"),
        "yuan" | "renminbi" | "rmb" => CurrencyFamily(Family::Yuan),
        "yen" => CurrencyFamily(Family::Yen),
        "ruble" | "rubles" | "rouble" | "roubles" => CurrencyFamily(Family::Ruble),
        "rupee" | "rupees" => CurrencyFamily(Family::Rupee),
        "ringgit" | "ringgits" => CurrencyFamily(Family::Ringgit),
        "riyal" | "riyals" | "rial" | "rials" => CurrencyFamily(Family::Riyal),
        "dinar" | "dinars" => CurrencyFamily(Family::Dinar),
        "franc" | "francs" => CurrencyFamily(Family::Franc),
        "peso" | "pesos" => CurrencyFamily(Family::Peso),
        "krone" | "kroner" | "kroners" => CurrencyFamily(Family::Krone),
        "krona" | "kronor" => Currency("SEK"),
        "shekel" | "shekels" | "sheqel" | "sheqels" => Currency("ILS"),
        "tugrik" | "tugriks" | "tughrik" | "tughriks" => Currency("MNT"),
        "hryvnia" | "hryvnias" | "hryvnas" => Currency("UAH"),
        "tenge" => Currency("KZT"),
        "zloty" | "zlotys" | "zloties" => Currency("PLN"),
        "forint" | "forints" => Currency("HUF"),
        "baht" => Currency("THB"),
        "naira" => Currency("NGN"),
        "rupiah" => Currency("IDR"),
        "lev" | "leva" => Currency("BGN"),
        "lira" | "liras" => Currency("TRY"),
        "reais" => Currency("BRL"),
        "rand" => Currency("ZAR"),
        "dirham" | "dirhams" => Currency("AED"),
        "egyptianpound" | "egyptianpounds" => Currency("EGP"),
        "saudiriyal" | "saudiriyals" => Currency("SAR"),
        "cent" | "cents" | "c" | "pence" | "p" | "sen" | "sens" | "kopeck" | "kopecks"
        | "kopek" | "kopeks" | "kopiyka" | "kopiykas" | "kopiyok" | "paise" | "centimes" => {
            MinorUnit
        }
        "us" | "american" => CurrencyAdjective(US),
        "canadian" => CurrencyAdjective(CANADIAN),
        "australian" => CurrencyAdjective(AUSTRALIAN),
        "singapore" | "singaporean" => CurrencyAdjective(SINGAPORE),
        "british" => CurrencyAdjective(BRITISH),
        "egyptian" | "egypt" => CurrencyAdjective(EGYPTIAN),
        "lebanese" | "lebanon" => CurrencyAdjective(LEBANESE),
        "belarusian" | "belarusan" | "belarus" => CurrencyAdjective(BELARUSIAN),
        "russian" => CurrencyAdjective(RUSSIAN),
        "indian" => CurrencyAdjective(INDIAN),
        "pakistani" => CurrencyAdjective(PAKISTANI),
        "saudi" => CurrencyAdjective(SAUDI),
        "qatari" | "qatar" => CurrencyAdjective(QATARI),
        "kuwaiti" | "kuwait" => CurrencyAdjective(KUWAITI),
        "swiss" => CurrencyAdjective(SWISS),
        "mexican" => CurrencyAdjective(MEXICAN),
        "philippine" => CurrencyAdjective(PHILIPPINE),
        "argentine" | "argentinian" => CurrencyAdjective(ARGENTINE),
        "norwegian" => CurrencyAdjective(NORWEGIAN),
        "danish" => CurrencyAdjective(DANISH),
        "malaysian" | "malaysia" => CurrencyAdjective(MALAYSIAN),
        "chinese" => CurrencyAdjective(CHINESE),
        "japanese" => CurrencyAdjective(JAPANESE),
        "nz" => CurrencyAdjective(NEW_ZEALAND),
        "rs" | "inr" => CurrencyPrefix("INR"),
        "rm" | "myr" => CurrencyPrefix("MYR"),
        "the" => The,
        "a" | "an" => Article,
        "minus" | "negative" => Minus,
        "point" => Point,
        "half" => Half,
        "dozen" | "dozens" => Dozen,
        "couple" | "pair" => Couple,
        "few" => Few,
        "about" | "around" | "some" | "approximately" | "approx" | "roughly" | "circa"
        | "estimated" | "nearly" | "almost" | "close" | "just" | "over" | "more" | "above"
        | "exceeding" | "in" | "upwards" | "at" | "no" | "not" | "under" | "less" | "fewer"
        | "below" | "up" | "between" | "from" => Hedge,
        _ => return None,
    })
}

impl Adjective {
    /// The currency this adjective picks in `family`.
    pub fn currency(self, family: Family) -> Option<&'static str> {
        self.0
            .iter()
            .find(|(known, _)| *known == family)
            .map(|(_, code)| *code)
    }
}

/// The default currency of a family when no adjective names the country.
pub(crate) fn family_default(family: Family) -> Option<&'static str> {
    match family {
        Family::Dollar => Some("USD"),
        Family::Pound => Some("GBP"),
        Family::Ruble => Some("RUB"),
        Family::Rupee => Some("INR"),
        Family::Riyal => Some("SAR"),
        Family::Dinar => None,
        Family::Franc => Some("CHF"),
        Family::Peso => Some("MXN"),
        Family::Krone => Some("NOK"),
        Family::Ringgit => Some("MYR"),
        Family::Yuan => Some("CNY"),
        Family::Yen => Some("JPY"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_split_words_digits_and_symbols() {
        let scan = Scan::new("US$1.5bn, 20 Января");
        let kinds: Vec<Kind> = scan.tokens.iter().map(|token| token.kind).collect();
        assert_eq!(
            kinds,
            vec![
                Kind::Word,
                Kind::Symbol('$'),
                Kind::Digits,
                Kind::Symbol('.'),
                Kind::Digits,
                Kind::Word,
                Kind::Symbol(','),
                Kind::Digits,
                Kind::Word,
            ]
        );
        assert_eq!(scan.str(5), "bn");
        assert_eq!(scan.lex(5), Lex::ScaleAbbreviation(1e9));
        assert!(scan.tokens[7].spaced && !scan.tokens[1].spaced);
    }

    #[test]
    fn addresses_are_opaque() {
        let scan = Scan::new("see https://example.org/2019/07 or mail a1@b2.com now");
        let opaque = scan
            .tokens
            .iter()
            .filter(|token| token.kind == Kind::Opaque)
            .count();
        assert_eq!(opaque, 2);
        assert!(!scan.tokens.iter().any(|token| token.kind == Kind::Digits));
    }

    #[test]
    fn compound_ordinals_are_read() {
        assert_eq!(classify("twentyfifth"), Lex::Ordinal(25));
        assert_eq!(classify("Ninetieth"), Lex::Ordinal(90));
        assert_eq!(classify("twentyish"), Lex::Other);
    }
}
