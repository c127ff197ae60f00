/**
 * The fixed cast of the benchmark data set: APO member countries with their National Productivity
 * Organizations, the three APO certification schemes, and the business calendar the histories live in.
 */

export interface CountryProfile {
  /** ISO 3166-1 alpha-2. */
  code: string;
  npo: string;
  /** A second, affiliated certification body, in the larger programmes only. */
  affiliate: string | null;
  /** Relative share of the certificates issued. */
  weight: number;
  familyNames: readonly string[];
  givenNames: readonly string[];
}

export const COUNTRIES: readonly CountryProfile[] = [
  { code: 'BD', npo: 'National Productivity Organisation, Bangladesh', affiliate: null, weight: 6, familyNames: ['Rahman', 'Hossain', 'Chowdhury', 'Akter'], givenNames: ['Farhana', 'Mahmud', 'Nusrat', 'Tanvir'] },
  { code: 'KH', npo: 'National Productivity Centre of Cambodia', affiliate: null, weight: 2, familyNames: ['Sok', 'Chan', 'Kim', 'Heng'], givenNames: ['Sophea', 'Dara', 'Vannak', 'Sreymom'] },
  { code: 'FJ', npo: 'National Training and Productivity Centre, Fiji National University', affiliate: null, weight: 1, familyNames: ['Naidu', 'Tuilagi', 'Ravuvu', 'Prasad'], givenNames: ['Mere', 'Josaia', 'Anjali', 'Sakiusa'] },
  { code: 'HK', npo: 'Hong Kong Productivity Council', affiliate: null, weight: 2, familyNames: ['Chan', 'Wong', 'Leung', 'Cheung'], givenNames: ['Ka Yan', 'Wai Man', 'Hoi Ling', 'Chun Kit'] },
  { code: 'IN', npo: 'National Productivity Council, India', affiliate: 'NPC Regional Directorate Bengaluru', weight: 12, familyNames: ['Sharma', 'Iyer', 'Reddy', 'Banerjee'], givenNames: ['Priya', 'Arjun', 'Lakshmi', 'Rohan'] },
  { code: 'ID', npo: 'Directorate of Productivity Development, Ministry of Manpower', affiliate: 'Lembaga Sertifikasi Profesi Produktivitas', weight: 10, familyNames: ['Rahmawati', 'Santoso', 'Wijaya', 'Hidayat'], givenNames: ['Siti', 'Budi', 'Dewi', 'Agus'] },
  { code: 'IR', npo: 'National Iranian Productivity Organization', affiliate: null, weight: 4, familyNames: ['Hosseini', 'Moradi', 'Karimi', 'Ahmadi'], givenNames: ['Maryam', 'Reza', 'Zahra', 'Ali'] },
  { code: 'JP', npo: 'Japan Productivity Center', affiliate: 'Japan Productivity Center, Kansai Office', weight: 7, familyNames: ['Satō', 'Suzuki', 'Takahashi', 'Itō'], givenNames: ['Yūki', 'Haruto', 'Aiko', 'Kenji'] },
  { code: 'KR', npo: 'Korea Productivity Center', affiliate: null, weight: 5, familyNames: ['Kim', 'Lee', 'Park', 'Choi'], givenNames: ['Ji-woo', 'Min-jun', 'Seo-yeon', 'Hyun-woo'] },
  { code: 'LA', npo: 'Lao National Productivity Organization', affiliate: null, weight: 1, familyNames: ['Phommachanh', 'Vongsa', 'Sisouk', 'Keomany'], givenNames: ['Noy', 'Khamla', 'Souksavanh', 'Bounmy'] },
  { code: 'MY', npo: 'Malaysia Productivity Corporation', affiliate: null, weight: 5, familyNames: ['Abdullah', 'Tan', 'Ramasamy', 'Ismail'], givenNames: ['Nurul', 'Wei Ling', 'Kavitha', 'Hafiz'] },
  { code: 'MN', npo: 'Mongolian Productivity Organization', affiliate: null, weight: 1, familyNames: ['Batbayar', 'Gantulga', 'Erdene', 'Oyun'], givenNames: ['Anar', 'Bolormaa', 'Tsetseg', 'Temuulen'] },
  { code: 'NP', npo: 'National Productivity and Economic Development Centre', affiliate: null, weight: 3, familyNames: ['Shrestha', 'Adhikari', 'Gurung', 'Thapa'], givenNames: ['Sita', 'Bikash', 'Anjana', 'Prakash'] },
  { code: 'PK', npo: 'National Productivity Organization, Pakistan', affiliate: null, weight: 6, familyNames: ['Khan', 'Qureshi', 'Malik', 'Siddiqui'], givenNames: ['Ayesha', 'Usman', 'Sana', 'Bilal'] },
  { code: 'PH', npo: 'Development Academy of the Philippines', affiliate: 'DAP Center for Governance', weight: 8, familyNames: ['Santos', 'Reyes', 'Dela Cruz', 'Bautista'], givenNames: ['Maria', 'Jose', 'Kristine', 'Paolo'] },
  { code: 'SG', npo: 'Enterprise Singapore', affiliate: null, weight: 3, familyNames: ['Lim', 'Ng', 'Koh', 'Nair'], givenNames: ['Hui Min', 'Jun Jie', 'Shalini', 'Wei Jie'] },
  { code: 'LK', npo: 'National Productivity Secretariat, Sri Lanka', affiliate: null, weight: 3, familyNames: ['Perera', 'Fernando', 'Silva', 'Jayasuriya'], givenNames: ['Nimali', 'Kasun', 'Dilani', 'Chaminda'] },
  { code: 'TW', npo: 'China Productivity Center', affiliate: null, weight: 4, familyNames: ['Chen', 'Lin', 'Huang', 'Chang'], givenNames: ['Yi-Ting', 'Chia-Hao', 'Shu-Fen', 'Chih-Wei'] },
  { code: 'TH', npo: 'Thailand Productivity Institute', affiliate: 'FTPI Regional Certification Office', weight: 7, familyNames: ['Srisuk', 'Wongsawat', 'Chaiyaporn', 'Rattanakorn'], givenNames: ['Suda', 'Somchai', 'Pimchanok', 'Anan'] },
  { code: 'VN', npo: 'Vietnam National Productivity Institute', affiliate: null, weight: 8, familyNames: ['Nguyễn', 'Trần', 'Lê', 'Phạm'], givenNames: ['Thị Ánh', 'Văn Minh', 'Thu Hà', 'Quốc Bảo'] },
];

export interface SchemeProfile {
  code: string;
  /** Prefix of certificate numbers under the scheme. */
  short: string;
  title: string;
  sector: string;
  occupation: string;
  qualificationLevel: number;
}

export const PRODUCTIVITY_SPECIALIST = 'APO-PS 101:2023';
export const GREEN_PRODUCTIVITY_SPECIALIST = 'APO-GPS 201:2023';
export const PUBLIC_SECTOR_SPECIALIST = 'APO-PPS 102:2023';

export const SCHEMES: readonly SchemeProfile[] = [
  { code: PRODUCTIVITY_SPECIALIST, short: 'PS', title: 'APO-certified Productivity Specialist', sector: 'Cross-sector', occupation: 'Productivity Specialist', qualificationLevel: 6 },
  { code: GREEN_PRODUCTIVITY_SPECIALIST, short: 'GPS', title: 'APO-certified Green Productivity Specialist', sector: 'Environment', occupation: 'Green Productivity Specialist', qualificationLevel: 6 },
  { code: PUBLIC_SECTOR_SPECIALIST, short: 'PPS', title: 'APO-certified Public-sector Productivity Specialist', sector: 'Public administration', occupation: 'Public-sector Productivity Specialist', qualificationLevel: 6 },
];

/** The business calendar: every date in the data set lies on or before HORIZON. */
export const CALENDAR = {
  schemesRegistered: '2023-01-16',
  accreditedOn: '2023-02-01',
  accreditedUntil: '2028-01-31',
  firstIssue: '2023-04-01',
  lastIssue: '2026-09-30',
  horizon: '2026-10-31',
  /** The date the benchmark's queries ask about: fixed, so answers do not drift with the clock. */
  asOf: '2026-06-30',
} as const;

export const ARRANGEMENT_COUNT = 30;
export const AUTOMATIC_ARRANGEMENTS = 16;
