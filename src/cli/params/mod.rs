//! Parameter values as the AWS CLI reads them: shorthand, JSON, `file://`/`fileb://`,
//! base64 blobs, and YAML request documents.

pub mod blob;
pub mod paramfile;
pub mod pyjson;
pub mod shorthand;
pub mod value;
pub mod yaml_in;

pub use paramfile::ParamFile;
pub use value::{ParamError, Shape, parse_option_value};
