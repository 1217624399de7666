//! Rotation schedules: validates RotateSecret's `RotationRules` and computes rotation windows, `NextRotationDate` and the reported `AutomaticallyAfterDays`, with the clock passed in.
//!
//! Sources: the RotationRulesType shape of the service model, and the Secrets Manager user guide
//! page "Rotation schedules" (rate and cron syntax, rotation windows). Where AWS is silent this
//! module decides, and says so at the item concerned:
//!
//! - Model constraints (ranges, lengths, patterns) answer `ValidationException` in the service's
//!   `N validation error(s) detected` form; every other rejection is `InvalidParameterException`.
//! - `AutomaticallyAfterDays` together with `ScheduleExpression` is rejected with the message AWS
//!   was seen to give (terraform-provider-aws issue 33329).
//! - Rotation windows always start on the hour; a schedule in days opens at 00:00 UTC.
//! - `NextRotationDate` is the last second of the next window (see [`next_rotation_date`]).
//! - The `AutomaticallyAfterDays` that DescribeSecret shows for an expression is the number of
//!   UTC calendar days from the last rotation to the next window (see [`equivalent_days`]).

use chrono::{DateTime, Datelike, Days, NaiveDate, TimeDelta, Utc};

/// The path prefix of the members in validation messages.
const RULES_PATH: &str = "rotationRules";
const DAYS_MEMBER: &str = "automaticallyAfterDays";
const DURATION_MEMBER: &str = "duration";
const EXPRESSION_MEMBER: &str = "scheduleExpression";

/// Model range of `AutomaticallyAfterDays`.
pub const MIN_AUTOMATICALLY_AFTER_DAYS: i64 = 1;
pub const MAX_AUTOMATICALLY_AFTER_DAYS: i64 = 1000;
const DURATION_MIN_LEN: usize = 2;
const DURATION_MAX_LEN: usize = 3;
const DURATION_PATTERN: &str = "[0-9]+h";
const EXPRESSION_MIN_LEN: usize = 1;
const EXPRESSION_MAX_LEN: usize = 256;
const EXPRESSION_PATTERN: &str = r"[0-9A-Za-z\(\)#\?\*\-\/, ]+";

/// "You can rotate a secret as often as every four hours."
pub const MIN_HOURS_BETWEEN_ROTATIONS: u32 = 4;
/// A rate in hours stays below a day: from a day on it is written in days. AWS does not state the
/// upper bound; 23 is what third-party policy docs list as allowed.
pub const MAX_RATE_HOURS: u32 = 23;
/// "The maximum rotation period is 999 days" (user guide), although `AutomaticallyAfterDays`
/// itself may be 1000.
pub const MAX_RATE_DAYS: u32 = 999;
/// "You can set the rotation window as small as one hour"; no window outlasts a UTC day.
pub const MIN_DURATION_HOURS: u32 = 1;
pub const MAX_DURATION_HOURS: u32 = 24;

/// The calendar repeats its pattern of dates and weekdays every 28 years between 1901 and 2099,
/// so scanning one such cycle answers "can this ever happen" questions about a cron expression
/// whose year is `*`.
const CYCLE_FIRST_YEAR: i32 = 2001;
const CYCLE_YEARS: i32 = 28;
/// A cron expression is required to fire every calendar year, so the next firing is always less
/// than two years away; the search stops there instead of looping forever.
const MAX_SEARCH_DAYS: u32 = 2 * 366 + 7;

const MONTH_NAMES: [&str; 12] = [
    "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC",
];
/// 1 = SUN as in AWS cron.
const DAY_NAMES: [&str; 7] = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

/// RotateSecret's `RotationRules` as received.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RotationRules {
    pub automatically_after_days: Option<i64>,
    pub duration: Option<String>,
    pub schedule_expression: Option<String>,
}

/// When windows open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Schedule {
    /// `AutomaticallyAfterDays`: a window every N days, counted from the last rotation.
    EveryDays(u32),
    /// `rate(N hours)`.
    RateHours(u32),
    /// `rate(N days)`.
    RateDays(u32),
    /// `cron(...)`.
    Cron(CronExpr),
}

impl Schedule {
    /// A schedule "in hours" has windows closing after one hour by default; one "in days" keeps
    /// its window open to the end of the UTC day.
    pub fn is_hour_based(&self) -> bool {
        match self {
            Schedule::RateHours(_) => true,
            Schedule::Cron(cron) => cron.is_hour_based(),
            Schedule::EveryDays(_) | Schedule::RateDays(_) => false,
        }
    }
}

/// Validated rules: the schedule and the window length the caller gave, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedRules {
    pub schedule: Schedule,
    /// `Duration` in hours; `None` means the default window.
    pub duration_hours: Option<u32>,
}

/// A rotation window, `start` included and `end` excluded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
}

/// One failed model constraint, as one clause of a `ValidationException` message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    pub value: String,
    /// The member's camelCase name under `rotationRules`.
    pub member: &'static str,
    /// What follows "Member must ".
    pub constraint: String,
}

/// Why rules were refused. `Display` is AWS's message alone.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScheduleError {
    /// Model constraints, in member order.
    #[error("{}", validation_message(.0))]
    Validation(Vec<Violation>),
    /// Text seen from AWS (terraform-provider-aws issue 33329).
    #[error("You cannot specify both rotation frequency and schedule expression together.")]
    BothFrequencyAndExpression,
    /// AWS's text unknown: `RotationRules` with neither schedule member (`{}` or Duration alone).
    #[error(
        "You must specify either AutomaticallyAfterDays or ScheduleExpression in RotationRules."
    )]
    NoSchedule,
    /// AWS's text unknown: names the expression and the rule it breaks.
    #[error("The schedule expression {expression} is not valid: {reason}.")]
    InvalidExpression { expression: String, reason: String },
    /// AWS's text unknown: a Duration of the right form but outside 1h..24h.
    #[error("The rotation window duration {duration} is not valid: it must be from 1h to 24h.")]
    InvalidDuration { duration: String },
    /// Wording of the API reference's own rule.
    #[error(
        "The rotation window must not extend into the next UTC day or into the next rotation window."
    )]
    WindowTooLong,
}

impl ScheduleError {
    /// The AWS error code.
    pub fn code(&self) -> &'static str {
        match self {
            ScheduleError::Validation(_) => "ValidationException",
            _ => "InvalidParameterException",
        }
    }
}

fn validation_message(violations: &[Violation]) -> String {
    use super::validate::{message, violation};
    let clauses: Vec<String> = violations
        .iter()
        .map(|v| {
            violation(
                Some(&v.value),
                &format!("{RULES_PATH}.{}", v.member),
                &v.constraint,
            )
        })
        .collect();
    message(&clauses)
}

/// Validates the rules: model constraints first (a request's were checked by
/// `core::validate` already; stored rules are parsed here too, for NextRotationDate), then
/// the schedule, then the window.
pub fn parse(rules: &RotationRules) -> Result<ParsedRules, ScheduleError> {
    let violations = model_violations(rules);
    if !violations.is_empty() {
        return Err(ScheduleError::Validation(violations));
    }
    let schedule = match (
        rules.automatically_after_days,
        rules.schedule_expression.as_deref(),
    ) {
        (Some(_), Some(_)) => return Err(ScheduleError::BothFrequencyAndExpression),
        (None, None) => return Err(ScheduleError::NoSchedule),
        (Some(days), None) => {
            // In range after model validation; the conversion only restates it.
            let days = u32::try_from(days)
                .map_err(|_| ScheduleError::Validation(days_violations(days)))?;
            Schedule::EveryDays(days)
        }
        (None, Some(expr)) => {
            parse_expression(expr).map_err(|reason| ScheduleError::InvalidExpression {
                expression: expr.to_string(),
                reason,
            })?
        }
    };
    let duration_hours = match rules.duration.as_deref() {
        None => None,
        Some(text) => {
            let hours = text
                .strip_suffix('h')
                .and_then(|n| n.parse::<u32>().ok())
                .filter(|h| (MIN_DURATION_HOURS..=MAX_DURATION_HOURS).contains(h))
                .ok_or_else(|| ScheduleError::InvalidDuration {
                    duration: text.to_string(),
                })?;
            if !window_fits(&schedule, hours) {
                return Err(ScheduleError::WindowTooLong);
            }
            Some(hours)
        }
    };
    Ok(ParsedRules {
        schedule,
        duration_hours,
    })
}

fn model_violations(rules: &RotationRules) -> Vec<Violation> {
    let mut out = Vec::new();
    if let Some(days) = rules.automatically_after_days {
        out.extend(days_violations(days));
    }
    if let Some(d) = rules.duration.as_deref() {
        let pattern_ok = d
            .strip_suffix('h')
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
        out.extend(string_violations(
            d,
            DURATION_MEMBER,
            pattern_ok,
            DURATION_PATTERN,
            DURATION_MIN_LEN,
            DURATION_MAX_LEN,
        ));
    }
    if let Some(e) = rules.schedule_expression.as_deref() {
        let pattern_ok = !e.is_empty()
            && e.chars()
                .all(|c| c.is_ascii_alphanumeric() || "()#?*-/, ".contains(c));
        out.extend(string_violations(
            e,
            EXPRESSION_MEMBER,
            pattern_ok,
            EXPRESSION_PATTERN,
            EXPRESSION_MIN_LEN,
            EXPRESSION_MAX_LEN,
        ));
    }
    out
}

fn days_violations(days: i64) -> Vec<Violation> {
    let constraint = if days < MIN_AUTOMATICALLY_AFTER_DAYS {
        format!("have value greater than or equal to {MIN_AUTOMATICALLY_AFTER_DAYS}")
    } else if days > MAX_AUTOMATICALLY_AFTER_DAYS {
        format!("have value less than or equal to {MAX_AUTOMATICALLY_AFTER_DAYS}")
    } else {
        return Vec::new();
    };
    vec![Violation {
        value: days.to_string(),
        member: DAYS_MEMBER,
        constraint,
    }]
}

/// Pattern before length, the order other AWS services list them in (not observed for this one).
fn string_violations(
    value: &str,
    member: &'static str,
    pattern_ok: bool,
    pattern: &str,
    min: usize,
    max: usize,
) -> Vec<Violation> {
    let mut out = Vec::new();
    let violation = |constraint: String| Violation {
        value: value.to_string(),
        member,
        constraint,
    };
    if !pattern_ok {
        out.push(violation(format!(
            "satisfy regular expression pattern: {pattern}"
        )));
    }
    let len = value.chars().count();
    if len < min {
        out.push(violation(format!(
            "have length greater than or equal to {min}"
        )));
    } else if len > max {
        out.push(violation(format!(
            "have length less than or equal to {max}"
        )));
    }
    out
}

/// The window must end before the next window opens and, for schedules in days, by midnight.
/// For schedules in hours only the gap counts, as the user guide's check for them says; such a
/// window may run past midnight.
fn window_fits(schedule: &Schedule, hours: u32) -> bool {
    match schedule {
        Schedule::EveryDays(_) | Schedule::RateDays(_) => hours <= MAX_DURATION_HOURS,
        Schedule::RateHours(n) => hours <= *n,
        Schedule::Cron(cron) if cron.is_hour_based() => {
            hours <= cron.min_gap_hours().unwrap_or(MAX_DURATION_HOURS)
        }
        Schedule::Cron(cron) => cron.first_hour() + hours <= MAX_DURATION_HOURS,
    }
}

fn parse_expression(expr: &str) -> Result<Schedule, String> {
    if let Some(inner) = expr.strip_prefix("rate(").and_then(|r| r.strip_suffix(')')) {
        parse_rate(inner)
    } else if let Some(inner) = expr.strip_prefix("cron(").and_then(|r| r.strip_suffix(')')) {
        CronExpr::parse(inner).map(Schedule::Cron)
    } else {
        Err("it must be a rate() or cron() expression".to_string())
    }
}

/// `rate(Value Unit)`. The unit agrees with the value (`1 day`, `2 days`) as in every other
/// AWS rate expression (EventBridge rejects `rate(1 days)`).
fn parse_rate(inner: &str) -> Result<Schedule, String> {
    let parts: Vec<&str> = inner.split_whitespace().collect();
    let [value, unit] = parts.as_slice() else {
        return Err("a rate() expression is a value and a unit, for example rate(10 days)".into());
    };
    if !value.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("the rate value {value} is not a whole number"));
    }
    // Too many digits for u32 is far out of range either way.
    let n: u32 = value.parse().unwrap_or(u32::MAX);
    let (in_hours, plural) = match *unit {
        "hour" => (true, false),
        "hours" => (true, true),
        "day" => (false, false),
        "days" => (false, true),
        _ => {
            return Err(format!(
                "the rate unit {unit} is not hour, hours, day or days"
            ));
        }
    };
    if plural == (n == 1) {
        return Err("the unit must be singular for 1 and plural otherwise".into());
    }
    if in_hours {
        if n < MIN_HOURS_BETWEEN_ROTATIONS {
            Err("you can rotate a secret as often as every four hours".into())
        } else if n > MAX_RATE_HOURS {
            Err(format!(
                "a rate in hours must be at most {MAX_RATE_HOURS} hours; use a rate in days"
            ))
        } else {
            Ok(Schedule::RateHours(n))
        }
    } else if (1..=MAX_RATE_DAYS).contains(&n) {
        Ok(Schedule::RateDays(n))
    } else {
        Err(format!(
            "a rate in days must be from 1 to {MAX_RATE_DAYS} days"
        ))
    }
}

/// A Secrets Manager cron expression, in UTC. Only [`parse`] builds one, so every value is one
/// AWS would accept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CronExpr {
    /// Bit h set: a window opens at h:00.
    hours: u32,
    dom: DomSpec,
    /// Bit m set (1..=12): month m.
    months: u16,
    dow: DowSpec,
    /// Whether two consecutive days can both match, so the overnight gap between the last window
    /// of one day and the first of the next is a real gap.
    adjacent_days: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DomSpec {
    /// `?`
    Unspecified,
    /// Bit d set (1..=31); a day beyond the month's length never matches.
    Days(u32),
    /// `L`
    Last,
    /// `LW`: the last Monday-to-Friday of the month.
    LastWeekday,
    /// `nW`: the Monday-to-Friday nearest day n, within the same month (Quartz rule).
    NearestWeekday(u32),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DowSpec {
    /// `?`
    Unspecified,
    /// Bit w set (1 = SUN ..= 7 = SAT).
    Days(u8),
    /// `wL`: the last weekday w of the month.
    LastOfMonth(u32),
    /// `w#n`: the n-th weekday w of the month.
    Nth { weekday: u32, n: u32 },
}

/// Facts about a cron expression that only a walk over the calendar shows.
#[derive(Debug, Default)]
struct CycleFacts {
    fires_every_year: bool,
    adjacent_days: bool,
}

impl CronExpr {
    /// `Minutes Hours Day-of-month Month Day-of-week Year`, with Secrets Manager's restrictions:
    /// Minutes 0 (windows start on the hour), Year `*` (no schedule more than a year apart), `?`
    /// in exactly one of the day fields, at least four hours between windows. `L`, `W` and `#`
    /// stand alone in their field (as in Quartz, whose syntax AWS cron follows); ranges do not
    /// wrap (`FRI-MON` is refused).
    fn parse(inner: &str) -> Result<CronExpr, String> {
        let fields: Vec<&str> = inner.split_whitespace().collect();
        let [minutes, hours, dom, months, dow, year] = fields.as_slice() else {
            return Err("a cron() expression has six fields: Minutes Hours Day-of-month Month Day-of-week Year".into());
        };
        if parse_list(minutes, "Minutes", 0, 59, &[])? != 1 {
            return Err(
                "the Minutes field must be 0, because rotation windows start on the hour".into(),
            );
        }
        // Hours 0..=23 and months 1..=12 fit the narrower types.
        let hours = parse_list(hours, "Hours", 0, 23, &[])? as u32;
        let dom = parse_dom(dom)?;
        let months = parse_list(months, "Month", 1, 12, &MONTH_NAMES)? as u16;
        let dow = parse_dow(dow)?;
        if *year != "*" {
            return Err(
                "the Year field must be *, because rotations can't be more than a year apart"
                    .into(),
            );
        }
        let unspecified = (dom == DomSpec::Unspecified, dow == DowSpec::Unspecified);
        if unspecified.0 == unspecified.1 {
            return Err("use ? in exactly one of the Day-of-month and Day-of-week fields".into());
        }
        let mut cron = CronExpr {
            hours,
            dom,
            months,
            dow,
            adjacent_days: false,
        };
        let facts = cron.cycle_facts();
        if !facts.fires_every_year {
            return Err("the schedule must occur at least once every year".into());
        }
        cron.adjacent_days = facts.adjacent_days;
        if cron
            .min_gap_hours()
            .is_some_and(|gap| gap < MIN_HOURS_BETWEEN_ROTATIONS)
        {
            return Err("you can rotate a secret as often as every four hours".into());
        }
        Ok(cron)
    }

    /// More than one window a day.
    fn is_hour_based(&self) -> bool {
        self.hours.count_ones() > 1
    }

    fn first_hour(&self) -> u32 {
        self.hours.trailing_zeros()
    }

    fn hours(&self) -> impl Iterator<Item = u32> + '_ {
        (0..24).filter(|h| self.hours & (1 << h) != 0)
    }

    /// The shortest time between two window starts, if two can fall within a day of each other.
    fn min_gap_hours(&self) -> Option<u32> {
        let hours: Vec<u32> = self.hours().collect();
        let mut gap = hours.windows(2).map(|w| w[1] - w[0]).min();
        if self.adjacent_days
            && let (Some(first), Some(last)) = (hours.first(), hours.last())
        {
            let overnight = 24 - last + first;
            gap = Some(gap.map_or(overnight, |g| g.min(overnight)));
        }
        gap
    }

    fn cycle_facts(&self) -> CycleFacts {
        let Some(start) = NaiveDate::from_ymd_opt(CYCLE_FIRST_YEAR, 1, 1) else {
            return CycleFacts::default();
        };
        let mut facts = CycleFacts {
            fires_every_year: true,
            adjacent_days: false,
        };
        let mut previous: Option<NaiveDate> = None;
        let mut year_fired = false;
        let mut year = CYCLE_FIRST_YEAR;
        for day in start.iter_days() {
            if day.year() != year {
                facts.fires_every_year &= year_fired;
                year_fired = false;
                year = day.year();
                if year == CYCLE_FIRST_YEAR + CYCLE_YEARS {
                    break;
                }
            }
            if self.matches_day(day) {
                year_fired = true;
                if previous.and_then(|p| p.succ_opt()) == Some(day) {
                    facts.adjacent_days = true;
                }
                previous = Some(day);
            }
        }
        facts
    }

    fn matches_day(&self, day: NaiveDate) -> bool {
        if self.months & (1 << day.month()) == 0 {
            return false;
        }
        let last = days_in_month(day.year(), day.month());
        let dom = day.day();
        let weekday = day.weekday().number_from_sunday();
        match self.dom {
            DomSpec::Unspecified => {}
            DomSpec::Days(bits) => return bits & (1 << dom) != 0,
            DomSpec::Last => return dom == last,
            DomSpec::LastWeekday => {
                let last_weekday = match weekday_of(day, last) {
                    7 => last - 1,
                    1 => last - 2,
                    _ => last,
                };
                return dom == last_weekday;
            }
            DomSpec::NearestWeekday(n) => {
                if n > last {
                    return false;
                }
                let nearest = match weekday_of(day, n) {
                    7 if n == 1 => 3,
                    7 => n - 1,
                    1 if n == last => n - 2,
                    1 => n + 1,
                    _ => n,
                };
                return dom == nearest;
            }
        }
        match self.dow {
            DowSpec::Unspecified => false,
            DowSpec::Days(bits) => bits & (1 << weekday) != 0,
            DowSpec::LastOfMonth(w) => weekday == w && dom + 7 > last,
            DowSpec::Nth { weekday: w, n } => weekday == w && (dom - 1) / 7 + 1 == n,
        }
    }

    /// The first window start strictly after `after`.
    fn next_after(&self, after: DateTime<Utc>) -> Option<DateTime<Utc>> {
        let mut day = after.date_naive();
        for _ in 0..MAX_SEARCH_DAYS {
            if self.matches_day(day) {
                for hour in self.hours() {
                    let start = day.and_hms_opt(hour, 0, 0)?.and_utc();
                    if start > after {
                        return Some(start);
                    }
                }
            }
            day = day.succ_opt()?;
        }
        None
    }
}

/// The weekday (1 = SUN) of day `dom` in `day`'s month.
fn weekday_of(day: NaiveDate, dom: u32) -> u32 {
    day.with_day(dom)
        .map_or(0, |d| d.weekday().number_from_sunday())
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn parse_dom(text: &str) -> Result<DomSpec, String> {
    if text == "?" {
        Ok(DomSpec::Unspecified)
    } else if text.eq_ignore_ascii_case("L") {
        Ok(DomSpec::Last)
    } else if text.eq_ignore_ascii_case("LW") {
        Ok(DomSpec::LastWeekday)
    } else if let Some(n) = text.strip_suffix(['W', 'w']) {
        parse_value(n, "Day-of-month", 1, 31, &[]).map(DomSpec::NearestWeekday)
    } else {
        parse_list(text, "Day-of-month", 1, 31, &[]).map(|bits| DomSpec::Days(bits as u32))
    }
}

fn parse_dow(text: &str) -> Result<DowSpec, String> {
    const FIELD: &str = "Day-of-week";
    if text == "?" {
        Ok(DowSpec::Unspecified)
    } else if text.eq_ignore_ascii_case("L") {
        // Alone, L is the last day of the week.
        Ok(DowSpec::Days(1 << 7))
    } else if let Some((day, n)) = text.split_once('#') {
        let weekday = parse_value(day, FIELD, 1, 7, &DAY_NAMES)?;
        // A sixth occurrence of a weekday never happens.
        let n = parse_value(n, FIELD, 1, 5, &[])?;
        Ok(DowSpec::Nth { weekday, n })
    } else if let Some(day) = text.strip_suffix(['L', 'l']) {
        parse_value(day, FIELD, 1, 7, &DAY_NAMES).map(DowSpec::LastOfMonth)
    } else {
        parse_list(text, FIELD, 1, 7, &DAY_NAMES).map(|bits| DowSpec::Days(bits as u8))
    }
}

/// A field of `*`, values, ranges `a-b` and increments `x/n` (x being `*`, empty, a value or a
/// range), comma-separated, as a bit set. Names are case-insensitive.
fn parse_list(text: &str, field: &str, min: u32, max: u32, names: &[&str]) -> Result<u64, String> {
    let mut bits = 0u64;
    for item in text.split(',') {
        let (base, step) = match item.split_once('/') {
            Some((base, step)) => (base, Some(step)),
            None => (item, None),
        };
        let increment = match step {
            None => 1,
            Some(step) => match step.parse::<u32>() {
                Ok(n) if n >= 1 => n,
                _ => return Err(format!("the {field} field has an invalid increment {step}")),
            },
        };
        let (low, high) = if base == "*" || (base.is_empty() && step.is_some()) {
            (min, max)
        } else if let Some((a, b)) = base.split_once('-') {
            let (a, b) = (
                parse_value(a, field, min, max, names)?,
                parse_value(b, field, min, max, names)?,
            );
            if a > b {
                return Err(format!("the {field} field has a backwards range {base}"));
            }
            (a, b)
        } else {
            let value = parse_value(base, field, min, max, names)?;
            (value, if step.is_some() { max } else { value })
        };
        let mut value = low;
        while value <= high {
            bits |= 1 << value;
            match value.checked_add(increment) {
                Some(next) => value = next,
                None => break,
            }
        }
    }
    Ok(bits)
}

fn parse_value(text: &str, field: &str, min: u32, max: u32, names: &[&str]) -> Result<u32, String> {
    if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
        match text.parse::<u32>() {
            Ok(v) if (min..=max).contains(&v) => Ok(v),
            _ => Err(format!(
                "the {field} field value {text} is outside {min}-{max}"
            )),
        }
    } else if let Some(i) = names.iter().position(|n| n.eq_ignore_ascii_case(text)) {
        // Names map onto the field's range in order; there are at most 12.
        Ok(min + i as u32)
    } else {
        Err(format!("the {field} field has an invalid value {text}"))
    }
}

fn midnight(day: NaiveDate) -> Option<DateTime<Utc>> {
    Some(day.and_hms_opt(0, 0, 0)?.and_utc())
}

/// When the next rotation window opens: the first window start strictly after `last`, the time
/// of the last rotation (or, before any, when rotation was configured). A manual PutSecretValue
/// or UpdateSecret with a value counts as a rotation (RotationRulesType doc), so the caller passes
/// the later of the two.
///
/// - `AutomaticallyAfterDays` N and `rate(N days)`: 00:00 UTC of the Nth day after `last`'s UTC
///   date. AWS showed `NextRotationDate` 23:59:59 UTC of date(last) + 30 for 30 days.
/// - `rate(N hours)`: every N hours on a grid running from 1970-01-01T00:00Z, so windows stay N
///   hours apart across midnight; for N dividing 24 they open at midnight each day, as the user
///   guide says. (AWS does not say what happens at midnight for other N.)
/// - `cron(...)`: its next firing.
///
/// `None` only past chrono's last representable date.
pub fn next_rotation(schedule: &Schedule, last: DateTime<Utc>) -> Option<DateTime<Utc>> {
    match schedule {
        Schedule::EveryDays(n) | Schedule::RateDays(n) => midnight(
            last.date_naive()
                .checked_add_days(Days::new(u64::from(*n)))?,
        ),
        Schedule::RateHours(n) => {
            let step = i64::from(*n) * 3600;
            let start = (last.timestamp().div_euclid(step) + 1).checked_mul(step)?;
            DateTime::from_timestamp(start, 0)
        }
        Schedule::Cron(cron) => cron.next_after(last),
    }
}

/// The next window: it opens at [`next_rotation`] and lasts `Duration`, or by default one hour
/// for schedules in hours and to the end of the UTC day for schedules in days.
pub fn next_window(rules: &ParsedRules, last: DateTime<Utc>) -> Option<Window> {
    let start = next_rotation(&rules.schedule, last)?;
    let end = match rules.duration_hours {
        Some(hours) => start.checked_add_signed(TimeDelta::hours(i64::from(hours)))?,
        None if rules.schedule.is_hour_based() => start.checked_add_signed(TimeDelta::hours(1))?,
        None => midnight(start.date_naive().succ_opt()?)?,
    };
    Some(Window { start, end })
}

/// DescribeSecret's `NextRotationDate`: the last second of the next window, since AWS reports the
/// date the rotation happens "on or before". Seen from AWS: 23:59:59 for a day-long window, and
/// 17:59:59 for `cron(0 16 1,15 * ? *)` with Duration 2h (DescribeSecret API example).
pub fn next_rotation_date(rules: &ParsedRules, last: DateTime<Utc>) -> Option<DateTime<Utc>> {
    next_window(rules, last)?
        .end
        .checked_sub_signed(TimeDelta::seconds(1))
}

/// DescribeSecret's `RotationRules.AutomaticallyAfterDays`, which AWS "calculates from the rotation
/// schedule after every successful rotation": the UTC calendar days from the last rotation to the
/// next window, at least 1 (the model's minimum). So N for N days; 1 for schedules in hours; for
/// `cron(0 16 1,15 * ? *)` rotated on the 1st, 14, as in AWS's RotateSecret example.
pub fn equivalent_days(schedule: &Schedule, last: DateTime<Utc>) -> Option<i64> {
    let next = next_rotation(schedule, last)?;
    Some((next.date_naive() - last.date_naive()).num_days().max(1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Timelike};
    use proptest::prelude::*;

    fn at(y: i32, mo: u32, d: u32, h: u32, mi: u32, s: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, mo, d, h, mi, s).unwrap()
    }

    fn expr(e: &str) -> RotationRules {
        RotationRules {
            schedule_expression: Some(e.to_string()),
            ..RotationRules::default()
        }
    }

    fn with_duration(e: &str, d: &str) -> RotationRules {
        RotationRules {
            duration: Some(d.to_string()),
            ..expr(e)
        }
    }

    fn schedule(e: &str) -> Schedule {
        parse(&expr(e)).unwrap().schedule
    }

    fn reason(e: &str) -> String {
        match parse(&expr(e)) {
            Err(ScheduleError::InvalidExpression { reason, .. }) => reason,
            other => panic!("{e}: expected InvalidExpression, got {other:?}"),
        }
    }

    /// The next `n` window starts after `from`.
    fn firings(s: &Schedule, from: DateTime<Utc>, n: usize) -> Vec<DateTime<Utc>> {
        let mut out = Vec::new();
        let mut t = from;
        for _ in 0..n {
            t = next_rotation(s, t).unwrap();
            out.push(t);
        }
        out
    }

    // --- model constraints -------------------------------------------------------------------

    #[test]
    fn automatically_after_days_above_1000_is_a_validation_error() {
        let err = parse(&RotationRules {
            automatically_after_days: Some(1001),
            ..RotationRules::default()
        })
        .unwrap_err();
        assert_eq!(err.code(), "ValidationException");
        assert_eq!(
            err.to_string(),
            "1 validation error detected: Value '1001' at 'rotationRules.automaticallyAfterDays' failed to satisfy constraint: Member must have value less than or equal to 1000"
        );
    }

    #[test]
    fn automatically_after_days_below_1_is_a_validation_error() {
        let err = parse(&RotationRules {
            automatically_after_days: Some(0),
            ..RotationRules::default()
        })
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "1 validation error detected: Value '0' at 'rotationRules.automaticallyAfterDays' failed to satisfy constraint: Member must have value greater than or equal to 1"
        );
    }

    #[test]
    fn automatically_after_days_bounds_are_accepted() {
        for days in [1, 1000] {
            let rules = RotationRules {
                automatically_after_days: Some(days),
                ..RotationRules::default()
            };
            assert_eq!(
                parse(&rules).unwrap().schedule,
                Schedule::EveryDays(days as u32)
            );
        }
    }

    #[test]
    fn duration_pattern_and_length_are_validation_errors() {
        let err = parse(&with_duration("rate(1 day)", "2 h")).unwrap_err();
        assert_eq!(err.code(), "ValidationException");
        assert_eq!(
            err.to_string(),
            "1 validation error detected: Value '2 h' at 'rotationRules.duration' failed to satisfy constraint: Member must satisfy regular expression pattern: [0-9]+h"
        );
        let err = parse(&with_duration("rate(1 day)", "100h")).unwrap_err();
        assert_eq!(
            err.to_string(),
            "1 validation error detected: Value '100h' at 'rotationRules.duration' failed to satisfy constraint: Member must have length less than or equal to 3"
        );
        let err = parse(&with_duration("rate(1 day)", "")).unwrap_err();
        assert_eq!(
            err.to_string(),
            "2 validation errors detected: Value '' at 'rotationRules.duration' failed to satisfy constraint: Member must satisfy regular expression pattern: [0-9]+h; Value '' at 'rotationRules.duration' failed to satisfy constraint: Member must have length greater than or equal to 2"
        );
    }

    #[test]
    fn schedule_expression_pattern_and_length_are_validation_errors() {
        let err = parse(&expr("rate(10 days);")).unwrap_err();
        assert_eq!(err.code(), "ValidationException");
        assert_eq!(
            err.to_string(),
            r"1 validation error detected: Value 'rate(10 days);' at 'rotationRules.scheduleExpression' failed to satisfy constraint: Member must satisfy regular expression pattern: [0-9A-Za-z\(\)#\?\*\-\/, ]+"
        );
        let long = format!("rate({} days)", "1".repeat(250));
        let err = parse(&expr(&long)).unwrap_err();
        assert!(err.to_string().ends_with(
            "'rotationRules.scheduleExpression' failed to satisfy constraint: Member must have length less than or equal to 256"
        ));
        let err = parse(&expr("")).unwrap_err();
        assert_eq!(err.code(), "ValidationException");
    }

    #[test]
    fn validation_errors_of_all_members_are_reported_together_in_member_order() {
        let err = parse(&RotationRules {
            automatically_after_days: Some(2000),
            duration: Some("xx".into()),
            schedule_expression: Some("rate(1 day);".into()),
        })
        .unwrap_err();
        let ScheduleError::Validation(v) = &err else {
            panic!("{err:?}")
        };
        let members: Vec<_> = v.iter().map(|v| v.member).collect();
        assert_eq!(
            members,
            ["automaticallyAfterDays", "duration", "scheduleExpression"]
        );
        assert!(
            err.to_string()
                .starts_with("3 validation errors detected: ")
        );
    }

    // --- which schedule ----------------------------------------------------------------------

    #[test]
    fn frequency_and_expression_together_are_refused() {
        let err = parse(&RotationRules {
            automatically_after_days: Some(14),
            duration: Some("2h".into()),
            schedule_expression: Some("cron(0 16 1,15 * ? *)".into()),
        })
        .unwrap_err();
        assert_eq!(err, ScheduleError::BothFrequencyAndExpression);
        assert_eq!(err.code(), "InvalidParameterException");
        assert_eq!(
            err.to_string(),
            "You cannot specify both rotation frequency and schedule expression together."
        );
    }

    #[test]
    fn rules_without_a_schedule_are_refused() {
        for rules in [
            RotationRules::default(),
            RotationRules {
                duration: Some("2h".into()),
                ..RotationRules::default()
            },
        ] {
            let err = parse(&rules).unwrap_err();
            assert_eq!(err, ScheduleError::NoSchedule);
            assert_eq!(err.code(), "InvalidParameterException");
        }
    }

    #[test]
    fn model_errors_come_before_the_both_members_error() {
        let err = parse(&RotationRules {
            automatically_after_days: Some(0),
            schedule_expression: Some("rate(1 day)".into()),
            ..RotationRules::default()
        })
        .unwrap_err();
        assert_eq!(err.code(), "ValidationException");
    }

    // --- AutomaticallyAfterDays --------------------------------------------------------------

    #[test]
    fn automatically_after_days_opens_a_day_long_window_n_days_later() {
        let rules = parse(&RotationRules {
            automatically_after_days: Some(30),
            ..RotationRules::default()
        })
        .unwrap();
        // The case seen from AWS: value changed 2026-02-03 17:34 UTC, 30 days.
        let last = at(2026, 2, 3, 17, 34, 2);
        assert_eq!(
            next_rotation(&rules.schedule, last),
            Some(at(2026, 3, 5, 0, 0, 0))
        );
        assert_eq!(
            next_rotation_date(&rules, last),
            Some(at(2026, 3, 5, 23, 59, 59))
        );
        assert_eq!(equivalent_days(&rules.schedule, last), Some(30));
    }

    // --- rate() ------------------------------------------------------------------------------

    #[test]
    fn rate_10_days_opens_at_midnight_ten_days_later() {
        let s = schedule("rate(10 days)");
        assert_eq!(s, Schedule::RateDays(10));
        let last = at(2024, 1, 25, 13, 45, 0);
        assert_eq!(
            firings(&s, last, 3),
            [
                at(2024, 2, 4, 0, 0, 0),
                at(2024, 2, 14, 0, 0, 0),
                at(2024, 2, 24, 0, 0, 0)
            ]
        );
        assert_eq!(equivalent_days(&s, last), Some(10));
        let rules = parse(&expr("rate(10 days)")).unwrap();
        assert_eq!(
            next_window(&rules, last),
            Some(Window {
                start: at(2024, 2, 4, 0, 0, 0),
                end: at(2024, 2, 5, 0, 0, 0)
            })
        );
    }

    #[test]
    fn rate_4_hours_is_accepted_and_3_hours_refused() {
        let s = schedule("rate(4 hours)");
        assert_eq!(s, Schedule::RateHours(4));
        assert_eq!(
            firings(&s, at(2024, 3, 1, 21, 30, 0), 3),
            [
                at(2024, 3, 2, 0, 0, 0),
                at(2024, 3, 2, 4, 0, 0),
                at(2024, 3, 2, 8, 0, 0)
            ]
        );
        assert_eq!(
            reason("rate(3 hours)"),
            "you can rotate a secret as often as every four hours"
        );
        let err = parse(&expr("rate(3 hours)")).unwrap_err();
        assert_eq!(err.code(), "InvalidParameterException");
        assert_eq!(
            err.to_string(),
            "The schedule expression rate(3 hours) is not valid: you can rotate a secret as often as every four hours."
        );
    }

    #[test]
    fn rate_hours_stay_n_hours_apart_across_midnight() {
        let s = schedule("rate(5 hours)");
        let got = firings(&s, at(2024, 3, 1, 0, 0, 0), 10);
        for pair in got.windows(2) {
            assert_eq!(pair[1] - pair[0], TimeDelta::hours(5));
        }
        assert_eq!(equivalent_days(&s, at(2024, 3, 1, 1, 0, 0)), Some(1));
    }

    #[test]
    fn rate_hours_range_is_4_to_23() {
        assert_eq!(schedule("rate(23 hours)"), Schedule::RateHours(23));
        assert!(reason("rate(24 hours)").contains("use a rate in days"));
        assert!(reason("rate(0 hours)").contains("every four hours"));
    }

    #[test]
    fn rate_days_range_is_1_to_999() {
        assert_eq!(schedule("rate(1 day)"), Schedule::RateDays(1));
        assert_eq!(schedule("rate(999 days)"), Schedule::RateDays(999));
        assert!(reason("rate(1000 days)").contains("from 1 to 999 days"));
        assert!(reason("rate(0 days)").contains("from 1 to 999 days"));
        assert!(reason("rate(99999999999 days)").contains("from 1 to 999 days"));
    }

    #[test]
    fn rate_unit_agrees_with_the_value() {
        assert!(reason("rate(1 days)").contains("singular"));
        assert!(reason("rate(2 day)").contains("singular"));
        assert!(reason("rate(1 hour)").contains("every four hours"));
        assert!(reason("rate(10 weeks)").contains("not hour, hours, day or days"));
    }

    #[test]
    fn malformed_rate_expressions_are_refused() {
        for e in [
            "rate(10)",
            "rate(ten days)",
            "rate(10 days",
            "rate 10 days",
            "Rate(10 days)",
            "rate(-1 days)",
            "rate(10 days 1)",
            "rate()",
        ] {
            assert_eq!(
                parse(&expr(e)).unwrap_err().code(),
                "InvalidParameterException",
                "{e}"
            );
        }
    }

    // --- cron() ------------------------------------------------------------------------------

    #[test]
    fn cron_first_and_fifteenth_cross_month_ends() {
        let s = schedule("cron(0 16 1,15 * ? *)");
        assert_eq!(
            firings(&s, at(2024, 1, 15, 16, 0, 0), 5),
            [
                at(2024, 2, 1, 16, 0, 0),
                at(2024, 2, 15, 16, 0, 0),
                at(2024, 3, 1, 16, 0, 0),
                at(2024, 3, 15, 16, 0, 0),
                at(2024, 4, 1, 16, 0, 0)
            ]
        );
        // Across the year end, and from inside a firing day but before the hour.
        assert_eq!(
            next_rotation(&s, at(2024, 12, 15, 17, 0, 0)),
            Some(at(2025, 1, 1, 16, 0, 0))
        );
        assert_eq!(
            next_rotation(&s, at(2024, 12, 15, 15, 59, 59)),
            Some(at(2024, 12, 15, 16, 0, 0))
        );
    }

    #[test]
    fn cron_describe_secret_example_reports_14_days_and_window_end() {
        let rules = parse(&with_duration("cron(0 16 1,15 * ? *)", "2h")).unwrap();
        let last = at(2022, 10, 1, 16, 20, 0);
        assert_eq!(equivalent_days(&rules.schedule, last), Some(14));
        assert_eq!(
            next_rotation_date(&rules, last),
            Some(at(2022, 10, 15, 17, 59, 59))
        );
    }

    #[test]
    fn cron_day_of_week_names_and_hash() {
        // First Monday of each month.
        let s = schedule("cron(0 8 ? * MON#1 *)");
        assert_eq!(
            firings(&s, at(2024, 1, 1, 9, 0, 0), 3),
            [
                at(2024, 2, 5, 8, 0, 0),
                at(2024, 3, 4, 8, 0, 0),
                at(2024, 4, 1, 8, 0, 0)
            ]
        );
        // Numbers and lower case mean the same.
        assert_eq!(schedule("cron(0 8 ? * 2#1 *)"), s);
        assert_eq!(schedule("cron(0 8 ? * mon#1 *)"), s);
        // Second Tuesday of Feb, May, Aug, Nov.
        let s = schedule("cron(0 10 ? FEB,MAY,AUG,NOV TUE#2 *)");
        assert_eq!(
            firings(&s, at(2025, 1, 1, 0, 0, 0), 4),
            [
                at(2025, 2, 11, 10, 0, 0),
                at(2025, 5, 13, 10, 0, 0),
                at(2025, 8, 12, 10, 0, 0),
                at(2025, 11, 11, 10, 0, 0)
            ]
        );
    }

    #[test]
    fn cron_day_of_week_ranges_and_lists() {
        let s = schedule("cron(0 8 ? * MON-FRI *)");
        // Friday 2024-03-01 08:00 → Monday 03-04.
        assert_eq!(
            next_rotation(&s, at(2024, 3, 1, 8, 0, 0)),
            Some(at(2024, 3, 4, 8, 0, 0))
        );
        let s = schedule("cron(0 18 ? * SAT,1 *)");
        assert_eq!(
            firings(&s, at(2024, 3, 1, 0, 0, 0), 2),
            [at(2024, 3, 2, 18, 0, 0), at(2024, 3, 3, 18, 0, 0)]
        );
    }

    #[test]
    fn cron_last_day_of_month_includes_leap_february() {
        let s = schedule("cron(0 17 L * ? *)");
        assert_eq!(
            firings(&s, at(2024, 1, 31, 17, 0, 0), 3),
            [
                at(2024, 2, 29, 17, 0, 0),
                at(2024, 3, 31, 17, 0, 0),
                at(2024, 4, 30, 17, 0, 0)
            ]
        );
        assert_eq!(
            next_rotation(&s, at(2023, 2, 1, 0, 0, 0)),
            Some(at(2023, 2, 28, 17, 0, 0))
        );
        assert_eq!(
            next_rotation(&s, at(2100, 2, 1, 0, 0, 0)),
            Some(at(2100, 2, 28, 17, 0, 0))
        );
        assert_eq!(
            next_rotation(&s, at(2000, 2, 1, 0, 0, 0)),
            Some(at(2000, 2, 29, 17, 0, 0))
        );
    }

    #[test]
    fn cron_last_named_weekday_of_month() {
        // Last Friday: 2024-02-23, 2024-03-29.
        let s = schedule("cron(0 0 ? * FRIL *)");
        assert_eq!(schedule("cron(0 0 ? * 6L *)"), s);
        assert_eq!(
            firings(&s, at(2024, 2, 1, 0, 0, 0), 2),
            [at(2024, 2, 23, 0, 0, 0), at(2024, 3, 29, 0, 0, 0)]
        );
        // L alone is the last day of the week, Saturday.
        assert_eq!(
            next_rotation(&schedule("cron(0 0 ? * L *)"), at(2024, 3, 1, 0, 0, 0)),
            Some(at(2024, 3, 2, 0, 0, 0))
        );
    }

    #[test]
    fn cron_nearest_weekday_and_last_weekday() {
        // 2024-06-01 is a Saturday: 1W moves forward to Monday the 3rd, not back into May.
        let s = schedule("cron(0 0 1W * ? *)");
        assert_eq!(
            next_rotation(&s, at(2024, 5, 31, 0, 0, 0)),
            Some(at(2024, 6, 3, 0, 0, 0))
        );
        // 2024-09-15 is a Sunday: 15W is Monday the 16th; 2024-06-15 is a Saturday: Friday 14th.
        let s = schedule("cron(0 0 15W * ? *)");
        assert_eq!(
            next_rotation(&s, at(2024, 9, 1, 0, 0, 0)),
            Some(at(2024, 9, 16, 0, 0, 0))
        );
        assert_eq!(
            next_rotation(&s, at(2024, 6, 1, 0, 0, 0)),
            Some(at(2024, 6, 14, 0, 0, 0))
        );
        // 2024-03-31 is a Sunday: 31W is Friday the 29th, the last weekday, like LW.
        assert_eq!(
            next_rotation(&schedule("cron(0 0 31W * ? *)"), at(2024, 3, 1, 0, 0, 0)),
            Some(at(2024, 3, 29, 0, 0, 0))
        );
        assert_eq!(
            next_rotation(&schedule("cron(0 0 LW * ? *)"), at(2024, 3, 1, 0, 0, 0)),
            Some(at(2024, 3, 29, 0, 0, 0))
        );
    }

    #[test]
    fn cron_hour_increments_reset_each_day() {
        let s = schedule("cron(0 2/10 * * ? *)");
        assert!(s.is_hour_based());
        assert_eq!(
            firings(&s, at(2024, 3, 1, 0, 0, 0), 4),
            [
                at(2024, 3, 1, 2, 0, 0),
                at(2024, 3, 1, 12, 0, 0),
                at(2024, 3, 1, 22, 0, 0),
                at(2024, 3, 2, 2, 0, 0)
            ]
        );
        // An empty start means from midnight, as in the user guide's cron(0 /8 * * ? *).
        assert_eq!(
            schedule("cron(0 /8 * * ? *)"),
            schedule("cron(0 0,8,16 * * ? *)")
        );
        assert_eq!(
            schedule("cron(0 */8 * * ? *)"),
            schedule("cron(0 0-23/8 * * ? *)")
        );
    }

    #[test]
    fn cron_month_increments() {
        // Every 11 months from January: January and December.
        let s = schedule("cron(0 0 ? 1/11 2#1 *)");
        assert_eq!(
            firings(&s, at(2024, 1, 2, 0, 0, 0), 2),
            [at(2024, 12, 2, 0, 0, 0), at(2025, 1, 6, 0, 0, 0)]
        );
    }

    #[test]
    fn cron_user_guide_examples_are_accepted() {
        for e in [
            "cron(0 /8 * * ? *)",
            "cron(0 8/8 * * ? *)",
            "cron(0 2/10 * * ? *)",
            "cron(0 10 * * ? *)",
            "cron(0 18 ? * SAT *)",
            "cron(0 8 1 * ? *)",
            "cron(0 1 ? 1/3 SUN#1 *)",
            "cron(0 17 L * ? *)",
            "cron(0 8 ? * MON-FRI *)",
            "cron(0 16 1,15 * ? *)",
            "cron(0 0 ? * SUN#1 *)",
            "cron(0 0 ? 1/11 2#1 *)",
            "cron(0 4/12 * * ? *)",
            "cron(0 21 L * ? *)",
            "cron(0 8 1/7 * ? *)",
        ] {
            assert!(parse(&expr(e)).is_ok(), "{e}");
        }
    }

    #[test]
    fn cron_minutes_must_be_zero() {
        assert!(reason("cron(30 16 1 * ? *)").contains("Minutes field must be 0"));
        assert!(reason("cron(* 16 1 * ? *)").contains("Minutes field must be 0"));
        assert!(reason("cron(60 16 1 * ? *)").contains("outside 0-59"));
    }

    #[test]
    fn cron_year_must_be_a_star() {
        assert!(parse(&expr("cron(0 16 1 * ? *)")).is_ok());
        for year in ["2030", "1970", "2199", "2024-2026", "2025/2", "?"] {
            let e = format!("cron(0 16 1 * ? {year})");
            assert!(reason(&e).contains("Year field must be *"), "{e}");
        }
    }

    #[test]
    fn cron_needs_a_question_mark_in_exactly_one_day_field() {
        assert!(reason("cron(0 16 1,15 * * *)").contains("exactly one"));
        assert!(reason("cron(0 16 ? * ? *)").contains("exactly one"));
        // The old user guide's cron(0 1 * 1/3 SUN *) breaks the rule.
        assert!(reason("cron(0 1 * 1/3 SUN *)").contains("exactly one"));
    }

    #[test]
    fn cron_field_values_stay_in_range() {
        assert!(reason("cron(0 24 * * ? *)").contains("Hours field value 24 is outside 0-23"));
        assert!(reason("cron(0 0 32 * ? *)").contains("outside 1-31"));
        assert!(reason("cron(0 0 0 * ? *)").contains("outside 1-31"));
        assert!(reason("cron(0 0 1 13 ? *)").contains("outside 1-12"));
        assert!(reason("cron(0 0 ? * 8 *)").contains("outside 1-7"));
        assert!(reason("cron(0 0 ? * 0 *)").contains("outside 1-7"));
        assert!(reason("cron(0 0 ? * MON#6 *)").contains("outside 1-5"));
        assert!(reason("cron(0 0 ? * MON#0 *)").contains("outside 1-5"));
        assert!(reason("cron(0 0 ? * FOO *)").contains("invalid value FOO"));
        assert!(reason("cron(0 0 1 JANUARY ? *)").contains("invalid value JANUARY"));
        assert!(reason("cron(0 0 32W * ? *)").contains("outside 1-31"));
        assert!(reason("cron(0 0 ? * FRI-MON *)").contains("backwards range"));
        assert!(reason("cron(0 0/0 * * ? *)").contains("invalid increment 0"));
    }

    #[test]
    fn cron_needs_six_fields() {
        assert!(reason("cron(0 16 1,15 * ?)").contains("six fields"));
        assert!(reason("cron(0 16 1,15 * ? * *)").contains("six fields"));
        assert!(reason("cron(0 16 1,15 * ? *").contains("rate() or cron()"));
        assert!(reason("cron()").contains("six fields"));
    }

    #[test]
    fn cron_special_characters_stand_alone() {
        assert!(reason("cron(0 0 1,L * ? *)").contains("invalid value L"));
        assert!(reason("cron(0 0 ? * MON#1,FRI *)").contains("invalid"));
        assert!(reason("cron(0 0 ? * L-2 *)").contains("invalid value"));
    }

    #[test]
    fn cron_refuses_windows_less_than_four_hours_apart() {
        assert!(reason("cron(0 0/2 * * ? *)").contains("every four hours"));
        assert!(reason("cron(0 * * * ? *)").contains("every four hours"));
        // 22:00 then 00:00 the next day is two hours.
        assert!(reason("cron(0 0,22 * * ? *)").contains("every four hours"));
        assert!(reason("cron(0 0/7 * * ? *)").contains("every four hours"));
        assert!(parse(&expr("cron(0 0/4 * * ? *)")).is_ok());
        assert!(parse(&expr("cron(0 0/5 * * ? *)")).is_ok());
    }

    #[test]
    fn cron_overnight_gap_counts_only_when_consecutive_days_fire() {
        // Mondays only: 22:00 Monday and 01:00 the next Monday are a week apart.
        assert!(parse(&expr("cron(0 1,22 ? * MON *)")).is_ok());
        assert!(reason("cron(0 1,22 ? * MON,TUE *)").contains("every four hours"));
        // Month end then the 1st are consecutive days.
        assert!(reason("cron(0 1,22 1,L * ? *)").contains("invalid value L"));
        assert!(reason("cron(0 1,22 1,31 * ? *)").contains("every four hours"));
    }

    #[test]
    fn cron_must_fire_every_year() {
        assert!(reason("cron(0 0 30 2 ? *)").contains("every year"));
        assert!(reason("cron(0 0 29 FEB ? *)").contains("every year"));
        assert!(reason("cron(0 0 31 4,6 ? *)").contains("every year"));
        // A fifth Sunday of February only happens in some leap years.
        assert!(reason("cron(0 0 ? 2 SUN#5 *)").contains("every year"));
        assert!(parse(&expr("cron(0 0 29 * ? *)")).is_ok());
        assert!(parse(&expr("cron(0 0 ? * SUN#5 *)")).is_ok());
        assert!(parse(&expr("cron(0 0 1 1 ? *)")).is_ok());
    }

    #[test]
    fn cron_keyword_is_lower_case() {
        assert!(reason("CRON(0 0 1 1 ? *)").contains("rate() or cron()"));
        assert!(reason(" cron(0 0 1 1 ? *)").contains("rate() or cron()"));
    }

    // --- Duration and windows ----------------------------------------------------------------

    #[test]
    fn duration_must_be_1_to_24_hours() {
        for d in ["0h", "25h", "99h", "00h"] {
            let err = parse(&with_duration("rate(1 day)", d)).unwrap_err();
            assert_eq!(
                err,
                ScheduleError::InvalidDuration {
                    duration: d.to_string()
                }
            );
            assert_eq!(err.code(), "InvalidParameterException");
        }
        for (d, h) in [("1h", 1), ("24h", 24), ("01h", 1)] {
            assert_eq!(
                parse(&with_duration("rate(1 day)", d))
                    .unwrap()
                    .duration_hours,
                Some(h)
            );
        }
    }

    #[test]
    fn duration_must_not_run_into_the_next_utc_day() {
        assert!(parse(&with_duration("cron(0 16 1,15 * ? *)", "8h")).is_ok());
        let err = parse(&with_duration("cron(0 16 1,15 * ? *)", "9h")).unwrap_err();
        assert_eq!(err, ScheduleError::WindowTooLong);
        assert_eq!(err.code(), "InvalidParameterException");
        assert!(parse(&with_duration("rate(10 days)", "24h")).is_ok());
    }

    #[test]
    fn duration_must_not_run_into_the_next_window() {
        assert!(parse(&with_duration("rate(4 hours)", "4h")).is_ok());
        assert_eq!(
            parse(&with_duration("rate(4 hours)", "5h")).unwrap_err(),
            ScheduleError::WindowTooLong
        );
        // 2/10 opens at 2, 12, 22: the overnight gap to 2:00 is four hours.
        assert!(parse(&with_duration("cron(0 2/10 * * ? *)", "4h")).is_ok());
        assert_eq!(
            parse(&with_duration("cron(0 2/10 * * ? *)", "5h")).unwrap_err(),
            ScheduleError::WindowTooLong
        );
    }

    #[test]
    fn duration_is_accepted_with_automatically_after_days() {
        let rules = parse(&RotationRules {
            automatically_after_days: Some(7),
            duration: Some("3h".into()),
            ..RotationRules::default()
        })
        .unwrap();
        assert_eq!(
            next_rotation_date(&rules, at(2024, 1, 1, 12, 0, 0)),
            Some(at(2024, 1, 8, 2, 59, 59))
        );
    }

    #[test]
    fn default_window_is_one_hour_for_schedules_in_hours() {
        let rules = parse(&expr("rate(6 hours)")).unwrap();
        assert_eq!(
            next_window(&rules, at(2024, 1, 1, 7, 0, 0)),
            Some(Window {
                start: at(2024, 1, 1, 12, 0, 0),
                end: at(2024, 1, 1, 13, 0, 0)
            })
        );
        let rules = parse(&expr("cron(0 4/12 * * ? *)")).unwrap();
        assert_eq!(
            next_rotation_date(&rules, at(2024, 1, 1, 7, 0, 0)),
            Some(at(2024, 1, 1, 16, 59, 59))
        );
    }

    #[test]
    fn default_window_ends_at_midnight_for_schedules_in_days() {
        let rules = parse(&expr("cron(0 21 L * ? *)")).unwrap();
        assert!(!rules.schedule.is_hour_based());
        assert_eq!(
            next_window(&rules, at(2024, 4, 2, 0, 0, 0)),
            Some(Window {
                start: at(2024, 4, 30, 21, 0, 0),
                end: at(2024, 5, 1, 0, 0, 0)
            })
        );
    }

    #[test]
    fn equivalent_days_follow_the_last_rotation() {
        let s = schedule("cron(0 16 1,15 * ? *)");
        assert_eq!(equivalent_days(&s, at(2024, 3, 1, 16, 5, 0)), Some(14));
        assert_eq!(equivalent_days(&s, at(2024, 3, 15, 16, 5, 0)), Some(17));
        assert_eq!(
            equivalent_days(&schedule("cron(0 0/4 * * ? *)"), at(2024, 3, 1, 1, 0, 0)),
            Some(1)
        );
        assert_eq!(
            equivalent_days(&schedule("cron(0 18 ? * SAT *)"), at(2024, 3, 2, 18, 30, 0)),
            Some(7)
        );
    }

    #[test]
    fn error_codes_split_model_and_semantic_errors() {
        assert_eq!(
            ScheduleError::Validation(Vec::new()).code(),
            "ValidationException"
        );
        for err in [
            ScheduleError::BothFrequencyAndExpression,
            ScheduleError::NoSchedule,
            ScheduleError::InvalidExpression {
                expression: "x".into(),
                reason: "y".into(),
            },
            ScheduleError::InvalidDuration {
                duration: "0h".into(),
            },
            ScheduleError::WindowTooLong,
        ] {
            assert_eq!(err.code(), "InvalidParameterException");
        }
    }

    #[test]
    fn next_rotation_at_the_end_of_time_is_none() {
        let end = DateTime::<Utc>::MAX_UTC;
        assert_eq!(next_rotation(&Schedule::RateDays(1), end), None);
        assert_eq!(next_rotation(&schedule("cron(0 0 1 1 ? *)"), end), None);
    }

    // --- properties --------------------------------------------------------------------------

    /// Instants from 1970 to about 2190, with sub-second parts.
    fn instant() -> impl Strategy<Value = DateTime<Utc>> {
        (0i64..7_000_000_000, 0u32..1_000_000_000)
            .prop_map(|(s, ns)| DateTime::from_timestamp(s, ns).unwrap())
    }

    fn rate_or_days() -> impl Strategy<Value = Schedule> {
        prop_oneof![
            (1u32..=1000).prop_map(Schedule::EveryDays),
            (4u32..=23).prop_map(Schedule::RateHours),
            (1u32..=999).prop_map(Schedule::RateDays),
        ]
    }

    /// The day part of a generated cron expression, checked independently of the module.
    #[derive(Debug, Clone)]
    enum DaySpec {
        DomList(Vec<u32>),
        DomLast,
        DowList(Vec<u32>),
        DowNth(u32, u32),
        DowLast(u32),
    }

    #[derive(Debug, Clone)]
    struct CronSpec {
        hours: Vec<u32>,
        hours_text: String,
        months: Vec<u32>,
        days: DaySpec,
    }

    impl CronSpec {
        fn text(&self) -> String {
            let list = |v: &[u32]| v.iter().map(u32::to_string).collect::<Vec<_>>().join(",");
            let months = if self.months.len() == 12 {
                "*".to_string()
            } else {
                self.months
                    .iter()
                    .map(|m| MONTH_NAMES[*m as usize - 1])
                    .collect::<Vec<_>>()
                    .join(",")
            };
            let (dom, dow) = match &self.days {
                DaySpec::DomList(d) => (list(d), "?".to_string()),
                DaySpec::DomLast => ("L".to_string(), "?".to_string()),
                DaySpec::DowList(d) => (
                    "?".to_string(),
                    d.iter()
                        .map(|w| DAY_NAMES[*w as usize - 1])
                        .collect::<Vec<_>>()
                        .join(","),
                ),
                DaySpec::DowNth(w, n) => ("?".to_string(), format!("{w}#{n}")),
                DaySpec::DowLast(w) => {
                    ("?".to_string(), format!("{}L", DAY_NAMES[*w as usize - 1]))
                }
            };
            format!("cron(0 {} {dom} {months} {dow} *)", self.hours_text)
        }

        /// Whether a window opens at `t`, from the spec alone.
        fn fires_at(&self, t: DateTime<Utc>) -> bool {
            let weekday = t.weekday().number_from_sunday();
            let next_day = t + TimeDelta::days(1);
            let next_week = t + TimeDelta::days(7);
            let day_ok = match &self.days {
                DaySpec::DomList(d) => d.contains(&t.day()),
                DaySpec::DomLast => next_day.month() != t.month(),
                DaySpec::DowList(d) => d.contains(&weekday),
                DaySpec::DowNth(w, n) => weekday == *w && t.day().div_ceil(7) == *n,
                DaySpec::DowLast(w) => weekday == *w && next_week.month() != t.month(),
            };
            t.minute() == 0
                && t.second() == 0
                && t.nanosecond() == 0
                && self.hours.contains(&t.hour())
                && self.months.contains(&t.month())
                && day_ok
        }
    }

    fn sorted_subset(range: std::ops::RangeInclusive<u32>, max: usize) -> BoxedStrategy<Vec<u32>> {
        prop::collection::btree_set(range, 1..=max)
            .prop_map(|s| s.into_iter().collect())
            .boxed()
    }

    fn cron_spec() -> impl Strategy<Value = CronSpec> {
        // Hours either one a day, or every k hours with k dividing 24, which keeps every gap,
        // the overnight one included, at k >= 4.
        let hours = prop_oneof![
            (0u32..24).prop_map(|h| (vec![h], h.to_string())),
            prop::sample::select(vec![4u32, 6, 8, 12]).prop_flat_map(|k| {
                (0..k)
                    .prop_map(move |s| ((s..24).step_by(k as usize).collect(), format!("{s}/{k}")))
            }),
        ];
        let months = prop_oneof![
            Just((1..=12).collect::<Vec<u32>>()),
            sorted_subset(1..=12, 4),
        ];
        let days = prop_oneof![
            sorted_subset(1..=31, 4).prop_map(DaySpec::DomList),
            Just(DaySpec::DomLast),
            sorted_subset(1..=7, 3).prop_map(DaySpec::DowList),
            (1u32..=7, 1u32..=5).prop_map(|(w, n)| DaySpec::DowNth(w, n)),
            (1u32..=7).prop_map(DaySpec::DowLast),
        ];
        (hours, months, days).prop_map(|((hours, hours_text), months, days)| CronSpec {
            hours,
            hours_text,
            months,
            days,
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]

        #[test]
        fn prop_rate_and_days_next_rotation_is_after_last(s in rate_or_days(), last in instant()) {
            let next = next_rotation(&s, last).unwrap();
            prop_assert!(next > last);
            prop_assert_eq!(next.timestamp() % 3600, 0);
            match s {
                Schedule::RateHours(n) => prop_assert!(next - last <= TimeDelta::hours(i64::from(n))),
                Schedule::EveryDays(n) | Schedule::RateDays(n) => {
                    prop_assert_eq!((next.date_naive() - last.date_naive()).num_days(), i64::from(n));
                    prop_assert_eq!(next.hour(), 0);
                }
                Schedule::Cron(_) => {}
            }
        }

        #[test]
        fn prop_cron_next_rotation_is_the_first_matching_hour_after_last(spec in cron_spec(), last in instant()) {
            let text = spec.text();
            let parsed = parse(&expr(&text));
            // Generated month/day combinations may not fire every year (e.g. the 31st of
            // April); those are refused, and tested above.
            prop_assume!(!matches!(&parsed, Err(ScheduleError::InvalidExpression { reason, .. }) if reason.contains("every year")));
            let rules = parsed.map_err(|e| TestCaseError::fail(format!("{text}: {e}")))?;
            let next = next_rotation(&rules.schedule, last).unwrap();
            prop_assert!(next > last, "{} from {}: {}", text, last, next);
            prop_assert!(spec.fires_at(next), "{} from {}: {} does not match", text, last, next);
            // No matching hour was skipped.
            let mut t = DateTime::from_timestamp(last.timestamp().div_euclid(3600) * 3600, 0).unwrap();
            while t < next {
                prop_assert!(t <= last || !spec.fires_at(t), "{} from {}: skipped {}", text, last, t);
                t += TimeDelta::hours(1);
            }
        }

        #[test]
        fn prop_window_is_inside_its_day_or_gap(spec in cron_spec(), last in instant(), duration in prop::option::of(1u32..=24)) {
            let mut rules = expr(&spec.text());
            rules.duration = duration.map(|d| format!("{d}h"));
            let Ok(parsed) = parse(&rules) else { return Ok(()) };
            let window = next_window(&parsed, last).unwrap();
            prop_assert!(window.start > last);
            prop_assert!(window.end > window.start);
            let after = next_rotation(&parsed.schedule, window.start).unwrap();
            prop_assert!(window.end <= after, "{:?} overlaps {}", window, after);
            if !parsed.schedule.is_hour_based() {
                prop_assert!(window.end <= midnight(window.start.date_naive().succ_opt().unwrap()).unwrap());
            }
            let date = next_rotation_date(&parsed, last).unwrap();
            prop_assert_eq!(date, window.end - TimeDelta::seconds(1));
            prop_assert!(equivalent_days(&parsed.schedule, last).unwrap() >= 1);
        }

        #[test]
        fn prop_parse_never_panics(e in "[0-9A-Za-z()#?*/, -]{0,40}", d in prop::option::of("[0-9h]{0,4}"), days in prop::option::of(-5i64..1005)) {
            let rules = RotationRules { automatically_after_days: days, duration: d, schedule_expression: Some(e) };
            if let Ok(parsed) = parse(&rules) {
                let last = at(2024, 6, 1, 12, 0, 0);
                prop_assert!(next_rotation(&parsed.schedule, last).unwrap() > last);
            }
        }

        #[test]
        fn prop_random_cron_fields_never_panic(fields in prop::collection::vec("[0-9A-Z*?/,#LW-]{1,6}", 6)) {
            let text = format!("cron({})", fields.join(" "));
            if let Ok(parsed) = parse(&expr(&text)) {
                let last = at(2024, 6, 1, 12, 0, 0);
                prop_assert!(next_rotation(&parsed.schedule, last).unwrap() > last);
            }
        }
    }
}
