//! How Quorum says things to people: dates, spans of days, lists of names.

pub mod dates;

/// A venue as a place: "Conference centre, Atlanta"; the city is not named twice when the
/// venue's own name already says it ("Vienna International Centre", in Vienna).
pub fn place_name(venue: &str, city: &str) -> String {
    if city.is_empty() || venue.to_lowercase().contains(&city.to_lowercase()) {
        venue.to_owned()
    } else {
        format!("{venue}, {city}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_city_is_named_once() {
        assert_eq!(
            place_name("Vienna International Centre", "Vienna"),
            "Vienna International Centre"
        );
        assert_eq!(
            place_name("Georgia World Congress Center", "Atlanta"),
            "Georgia World Congress Center, Atlanta"
        );
        assert_eq!(
            place_name("Conference centre, Atlanta", "Atlanta"),
            "Conference centre, Atlanta"
        );
    }
}
