//! The open-day form's state: who opens the day and the float counted into the drawer, or,
//! after today's close, the manager's reason for reopening it. Kept by the hub, drawn and
//! answered in `dialogs`.

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Field {
    Attendant,
    Float,
}

pub struct OpenDayForm {
    pub attendant: String,
    pub float: String,
    pub field: Field,
    /// F4 after today's close: the manager's reason for reopening it, as typed.
    pub reopen: Option<String>,
}

impl OpenDayForm {
    pub fn new(attendant: &str) -> OpenDayForm {
        OpenDayForm {
            attendant: attendant.to_string(),
            float: String::new(),
            // The name is usually right already; the float is what must be typed.
            field: if attendant.trim().is_empty() {
                Field::Attendant
            } else {
                Field::Float
            },
            reopen: None,
        }
    }

    /// Someone signed in: the form offers them, not whoever was there before (`before`),
    /// unless another name was typed.
    pub(super) fn signed_in(&mut self, name: &str, before: &str) {
        if self.attendant.trim().is_empty() || self.attendant == before {
            self.attendant = name.to_string();
            self.field = Field::Float;
        }
    }

    pub(super) fn focused(&mut self) -> &mut String {
        match self.field {
            Field::Attendant => &mut self.attendant,
            Field::Float => &mut self.float,
        }
    }
}
