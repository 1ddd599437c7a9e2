// Deterministic people and company names for scenario data. Fictional throughout (Microsoft's own
// sample-company names for the hand-made customers, generated ones for the 2,000-customer partner).
import { pick } from './prng';

export interface PersonName {
  firstName: string;
  lastName: string;
  displayName: string;
  /** Lower-case ASCII local part for the user principal name. */
  alias: string;
}

const FIRST = [
  'Adele',
  'Alex',
  'Allan',
  'Amara',
  'Ben',
  'Bianca',
  'Carlos',
  'Chen',
  'Christie',
  'Dana',
  'Diego',
  'Elena',
  'Emily',
  'Enrico',
  'Fatima',
  'Femi',
  'Grady',
  'Hana',
  'Henrietta',
  'Ines',
  'Isaiah',
  'Jae',
  'Johanna',
  'Joni',
  'Kai',
  'Keiko',
  'Lee',
  'Lidia',
  'Lynne',
  'Mahmoud',
  'Megan',
  'Miriam',
  'Nestor',
  'Nia',
  'Olga',
  'Omar',
  'Patti',
  'Pradeep',
  'Quinn',
  'Raul',
  'Rosa',
  'Sakura',
  'Sam',
  'Sanjay',
  'Sofia',
  'Tariq',
  'Tomasz',
  'Uma',
  'Vance',
  'Wei',
  'Xavier',
  'Yara',
  'Yusuf',
  'Zoe',
] as const;

const LAST = [
  'Abbott',
  'Adeyemi',
  'Alvarez',
  'Andersen',
  'Bauer',
  'Becker',
  'Castillo',
  'Chowdhury',
  'Cohen',
  'Dubois',
  'Eriksen',
  'Fischer',
  'Garcia',
  'Gupta',
  'Haddad',
  'Hansen',
  'Ibrahim',
  'Ivanova',
  'Jensen',
  'Kaur',
  'Khan',
  'Kowalski',
  'Larsen',
  'Lindqvist',
  'Lopez',
  'Moreau',
  'Murphy',
  'Nakamura',
  'Nguyen',
  'Novak',
  'Okafor',
  'Olsen',
  'Park',
  'Patel',
  'Petrov',
  'Quinn',
  'Rossi',
  'Santos',
  'Schmidt',
  'Silva',
  'Singh',
  'Sokolov',
  'Suzuki',
  'Tanaka',
  'Torres',
  'Usman',
  'Varga',
  'Wagner',
  'Walsh',
  'Weber',
  'Xu',
  'Yamamoto',
  'Young',
  'Zhang',
] as const;

// Korean names: Hangul as shown in the portal, and a romanization for the sign-in name.
const KOREAN_FAMILY = [
  ['김', 'kim'],
  ['이', 'lee'],
  ['박', 'park'],
  ['최', 'choi'],
  ['정', 'jung'],
  ['강', 'kang'],
  ['조', 'cho'],
  ['윤', 'yoon'],
  ['장', 'jang'],
  ['임', 'lim'],
] as const;

const KOREAN_GIVEN = [
  ['민준', 'minjun'],
  ['서연', 'seoyeon'],
  ['지호', 'jiho'],
  ['수아', 'sua'],
  ['우진', 'woojin'],
  ['하은', 'haeun'],
  ['도윤', 'doyun'],
  ['지우', 'jiwoo'],
  ['예준', 'yejun'],
  ['서윤', 'seoyun'],
  ['시우', 'siwoo'],
  ['하윤', 'hayun'],
  ['주원', 'juwon'],
  ['지민', 'jimin'],
] as const;

/** Makes unique names: the alias gets a number when a combination repeats. */
export class NameSource {
  private readonly used = new Set<string>();

  constructor(private readonly random: () => number) {}

  private unique(alias: string): string {
    let candidate = alias;
    for (let n = 2; this.used.has(candidate); n++) candidate = `${alias}${n}`;
    this.used.add(candidate);
    return candidate;
  }

  english(): PersonName {
    const firstName = pick(this.random, FIRST);
    const lastName = pick(this.random, LAST);
    return {
      firstName,
      lastName,
      displayName: `${firstName} ${lastName}`,
      alias: this.unique(`${firstName}.${lastName}`.toLowerCase()),
    };
  }

  korean(): PersonName {
    const [family, familyLatin] = pick(this.random, KOREAN_FAMILY);
    const [given, givenLatin] = pick(this.random, KOREAN_GIVEN);
    // Korean order: family name first, no space.
    return {
      firstName: given,
      lastName: family,
      displayName: `${family}${given}`,
      alias: this.unique(`${givenLatin}.${familyLatin}`),
    };
  }
}

const COMPANY_FIRST = [
  'Blue',
  'Bright',
  'Cedar',
  'Clear',
  'Copper',
  'Crystal',
  'Eastern',
  'Evergreen',
  'First',
  'Golden',
  'Granite',
  'Harbor',
  'Highland',
  'Iron',
  'Lakeside',
  'Maple',
  'Meadow',
  'Northern',
  'Oak',
  'Pacific',
  'Pine',
  'Prairie',
  'Red',
  'River',
  'Silver',
  'Southern',
  'Stone',
  'Summit',
  'Sunrise',
  'Valley',
  'Western',
  'Willow',
] as const;

const COMPANY_SECOND = [
  'Analytics',
  'Bakery',
  'Builders',
  'Clinic',
  'Consulting',
  'Dental',
  'Design',
  'Engineering',
  'Farms',
  'Foods',
  'Freight',
  'Health',
  'Insurance',
  'Labs',
  'Law',
  'Logistics',
  'Manufacturing',
  'Media',
  'Motors',
  'Outfitters',
  'Pharmacy',
  'Printing',
  'Realty',
  'Robotics',
  'Software',
  'Studios',
  'Supply',
  'Textiles',
  'Travel',
  'Ventures',
] as const;

const COMPANY_SUFFIX = ['Inc.', 'LLC', 'Ltd.', 'Group', 'Co.', 'Partners'] as const;

/** Unique company names with matching onmicrosoft.com domains. */
export class CompanySource {
  private readonly used = new Set<string>();

  constructor(private readonly random: () => number) {}

  next(): { companyName: string; domain: string } {
    const base = `${pick(this.random, COMPANY_FIRST)} ${pick(this.random, COMPANY_SECOND)}`;
    const slug = base.toLowerCase().replace(/[^a-z0-9]/g, '');
    let n = 1;
    while (this.used.has(n === 1 ? slug : `${slug}${n}`)) n++;
    const domainSlug = n === 1 ? slug : `${slug}${n}`;
    this.used.add(domainSlug);
    // A repeated combination gets a branch number, as real tenants often do ("... Inc. 2").
    const companyName = `${base} ${pick(this.random, COMPANY_SUFFIX)}${n === 1 ? '' : ` ${n}`}`;
    return { companyName, domain: `${domainSlug}.onmicrosoft.com` };
  }
}
