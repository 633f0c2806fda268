//! Who the corner is, as printed at the top of every printout.

/// The shop's header: its name, the office (OPD) it sits in, and the address.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ShopHeader {
    pub name: String,
    pub office: String,
    pub address: String,
}
