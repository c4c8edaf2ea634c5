//! The users' journeys in headless chromium, on the demo data, one module per person whose
//! journey it is, with screenshots of the main pages saved under tests/screenshots/.

mod bureau;
mod focal_point;
mod planner_without_javascript;
mod public;
mod secretariat;
