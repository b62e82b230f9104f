/**
 * Danish first and last names for seeded people, paired with ASCII forms for email addresses; the seed
 * combines them by index, not at random, so a seed is reproducible.
 */
export const firstNames = [
  ["Anders", "anders"], ["Anne", "anne"], ["Mette", "mette"], ["Lars", "lars"], ["Søren", "soeren"],
  ["Kirsten", "kirsten"], ["Jens", "jens"], ["Hanne", "hanne"], ["Peter", "peter"], ["Louise", "louise"],
  ["Mikkel", "mikkel"], ["Freja", "freja"], ["Rasmus", "rasmus"], ["Ida", "ida"], ["Frederik", "frederik"],
  ["Sofie", "sofie"], ["Mads", "mads"], ["Emma", "emma"], ["Niels", "niels"], ["Maja", "maja"],
  ["Thomas", "thomas"], ["Camilla", "camilla"], ["Jørgen", "joergen"], ["Birgitte", "birgitte"],
  ["Christian", "christian"], ["Line", "line"], ["Kasper", "kasper"], ["Julie", "julie"], ["Henrik", "henrik"],
  ["Signe", "signe"], ["Morten", "morten"], ["Karen", "karen"], ["Bjørn", "bjoern"], ["Astrid", "astrid"],
  ["Oliver", "oliver"], ["Clara", "clara"], ["Emil", "emil"], ["Ane", "ane"], ["Villads", "villads"],
  ["Åse", "aase"],
] as const;
export const lastNames = [
  ["Nielsen", "nielsen"], ["Jensen", "jensen"], ["Hansen", "hansen"], ["Pedersen", "pedersen"],
  ["Andersen", "andersen"], ["Christensen", "christensen"], ["Larsen", "larsen"], ["Sørensen", "soerensen"],
  ["Rasmussen", "rasmussen"], ["Jørgensen", "joergensen"], ["Petersen", "petersen"], ["Madsen", "madsen"],
  ["Kristensen", "kristensen"], ["Olsen", "olsen"], ["Thomsen", "thomsen"], ["Christiansen", "christiansen"],
  ["Poulsen", "poulsen"], ["Johansen", "johansen"], ["Møller", "moeller"], ["Mortensen", "mortensen"],
  ["Østergaard", "oestergaard"], ["Knudsen", "knudsen"], ["Jakobsen", "jakobsen"], ["Frandsen", "frandsen"],
  ["Lund", "lund"], ["Holm", "holm"], ["Kjær", "kjaer"], ["Bach", "bach"], ["Dam", "dam"], ["Friis", "friis"],
  ["Brøndum", "broendum"], ["Skov", "skov"],
] as const;
