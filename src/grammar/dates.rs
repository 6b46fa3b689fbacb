//! Dutch dates as printed: `3 oktober 2023`.

/// The months' names, lowercase, in order.
pub(crate) const MONTHS: &[&str] = &[
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];

/// Whether `day` exists in `month` (1-based) of `year` (any year when not
/// printed: 29 februari is allowed then).
pub(crate) fn valid_day(year: Option<u32>, month: u32, day: u32) -> bool {
    let max = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 => match year {
            Some(y) if !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0) => 28,
            _ => 29,
        },
        _ => 0,
    };
    (1..=max).contains(&day)
}

/// `3 oktober 2023` (day, month's name, year, as printed) → `2023-10-03`,
/// when the day exists.
pub(crate) fn iso_date(day: &str, month: &str, year: &str) -> Option<String> {
    let day: u32 = day.parse().ok()?;
    let year: u32 = year.parse().ok()?;
    let month = month.to_lowercase();
    let month = u32::try_from(MONTHS.iter().position(|m| *m == month)? + 1).ok()?;
    valid_day(Some(year), month, day).then(|| format!("{year:04}-{month:02}-{day:02}"))
}
