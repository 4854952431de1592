//! Which provisions answer which: pairing the provisions of two instruments.
