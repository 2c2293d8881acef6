//! Values in English prose: dates, numbers, money, percentages, ordinals and their hedges.
