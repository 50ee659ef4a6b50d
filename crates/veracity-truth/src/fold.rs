//! HTML entities decoded and accents folded: the first step of text and author-name
//! normalisation (and of the news crate's claim terms).

/// Decodes the HTML entities seen in scraped data (`&amp;`, `&eacute;`, `&#233;`), then folds
/// accents to ASCII where a plain letter exists.
pub fn fold(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        match tail.find(';').filter(|&j| j <= 10) {
            Some(j) => {
                let entity = &tail[1..j];
                let decoded = if let Some(num) = entity.strip_prefix('#') {
                    let n = num
                        .strip_prefix(['x', 'X'])
                        .map_or_else(|| num.parse().ok(), |h| u32::from_str_radix(h, 16).ok());
                    n.and_then(char::from_u32)
                } else {
                    match entity {
                        "amp" => Some('&'),
                        "quot" => Some('"'),
                        "apos" => Some('\''),
                        "lt" => Some('<'),
                        "gt" => Some('>'),
                        "nbsp" => Some(' '),
                        // `&eacute;` → e, `&ouml;` → o, `&ntilde;` → n, `&szlig;` → s, ...
                        e if e.len() > 2
                            && e.is_ascii()
                            && ["acute", "grave", "uml", "circ", "tilde", "cedil", "ring", "slash", "lig"]
                                .iter()
                                .any(|s| e[1..].eq_ignore_ascii_case(s)) =>
                        {
                            e.chars().next()
                        }
                        _ => None,
                    }
                };
                match decoded {
                    Some(c) => {
                        out.push(c);
                        rest = &tail[j + 1..];
                    }
                    None => {
                        out.push('&');
                        rest = &tail[1..];
                    }
                }
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out.chars().map(fold_char).collect()
}

fn fold_char(c: char) -> char {
    match c {
        'à'..='å' | 'ā' | 'ă' | 'ą' => 'a',
        'À'..='Å' | 'Ā' | 'Ă' | 'Ą' => 'A',
        'ç' | 'ć' | 'č' => 'c',
        'Ç' | 'Ć' | 'Č' => 'C',
        'è'..='ë' | 'ē' | 'ę' | 'ě' => 'e',
        'È'..='Ë' | 'Ē' | 'Ę' | 'Ě' => 'E',
        'ì'..='ï' | 'ī' | 'ı' => 'i',
        'Ì'..='Ï' | 'Ī' | 'İ' => 'I',
        'ñ' | 'ń' | 'ň' => 'n',
        'Ñ' | 'Ń' | 'Ň' => 'N',
        'ò'..='ö' | 'ø' | 'ō' | 'ő' => 'o',
        'Ò'..='Ö' | 'Ø' | 'Ō' | 'Ő' => 'O',
        'ù'..='ü' | 'ū' | 'ů' | 'ű' => 'u',
        'Ù'..='Ü' | 'Ū' | 'Ů' | 'Ű' => 'U',
        'ý' | 'ÿ' => 'y',
        'Ý' => 'Y',
        'š' | 'ś' => 's',
        'Š' | 'Ś' => 'S',
        'ž' | 'ź' | 'ż' => 'z',
        'Ž' | 'Ź' | 'Ż' => 'Z',
        'ł' => 'l',
        'Ł' => 'L',
        '\u{2018}' | '\u{2019}' => '\'',
        '\u{201c}' | '\u{201d}' => '"',
        '\u{2013}' | '\u{2014}' => '-',
        other => other,
    }
}
