/** Names, org units and ladders the demo tenant is made of. */
export const GIVEN_NAMES = [
  'Ada', 'Grace', 'Alan', 'Katherine', 'Dorothy', 'Mary', 'Annie', 'Edsger', 'Barbara', 'Donald', 'Frances', 'John', 'Radia', 'Ken',
  'Margaret', 'Tim', 'Hedy', 'Linus', 'Sophie', 'Guido', 'Joan', 'Niklaus', 'Shafi', 'Leslie', 'Yukihiro', 'Lynn', 'Bjarne', 'Karen',
  'Whitfield', 'Jean', 'Dennis', 'Adele', 'Vint', 'Evelyn', 'Fernando', 'Ivan', 'Ruth', 'Tony', 'Carol', 'Anders',
] as const;

export const FAMILY_NAMES = [
  'Lovelace', 'Hopper', 'Turing', 'Johnson', 'Vaughan', 'Jackson', 'Easley', 'Dijkstra', 'Liskov', 'Knuth', 'Allen', 'Backus', 'Perlman',
  'Thompson', 'Hamilton', 'Berners-Lee', 'Lamarr', 'Torvalds', 'Wilson', 'van Rossum', 'Clarke', 'Wirth', 'Goldwasser', 'Lamport',
  'Matsumoto', 'Conway', 'Stroustrup', 'Sparck Jones', 'Diffie', 'Sammet', 'Ritchie', 'Goldberg', 'Cerf', 'Boyd', 'Corbató', 'Sutherland',
  'Teitelbaum', 'Hoare', 'Shaw', 'Hejlsberg',
] as const;

export interface Track {
  orgUnit: string;
  field: string;
  /** Titles by ladder level, 1 first. */
  titles: readonly string[];
  degree: string;
  course: string;
}

export const TRACKS: readonly Track[] = [
  {
    orgUnit: 'Platform Engineering',
    field: 'engineering',
    titles: ['Engineering Intern', 'Junior Engineer', 'Software Engineer', 'Senior Engineer', 'Staff Engineer', 'Principal Engineer', 'Distinguished Engineer'],
    degree: 'BSc Computer Science',
    course: 'Distributed Systems in Practice',
  },
  {
    orgUnit: 'Product Design',
    field: 'design',
    titles: ['Design Intern', 'Junior Designer', 'Product Designer', 'Senior Designer', 'Lead Designer', 'Principal Designer', 'Design Director'],
    degree: 'BA Interaction Design',
    course: 'Research Methods for Designers',
  },
  {
    orgUnit: 'Data & Analytics',
    field: 'data',
    titles: ['Data Intern', 'Junior Analyst', 'Data Analyst', 'Senior Analyst', 'Lead Data Scientist', 'Principal Data Scientist', 'Head of Data'],
    degree: 'MSc Statistics',
    course: 'Causal Inference',
  },
  {
    orgUnit: 'People Operations',
    field: 'people',
    titles: ['HR Intern', 'HR Assistant', 'HR Partner', 'Senior HR Partner', 'HR Lead', 'Head of People', 'Chief People Officer'],
    degree: 'BA Psychology',
    course: 'Employment Law Essentials',
  },
  {
    orgUnit: 'Sales',
    field: 'sales',
    titles: ['Sales Intern', 'Sales Associate', 'Account Executive', 'Senior Account Executive', 'Sales Lead', 'Sales Director', 'VP Sales'],
    degree: 'BA Business Administration',
    course: 'Negotiation',
  },
];

export const INSTITUTIONS = ['University of Manchester', 'ETH Zürich', 'TU Delft', 'University of Edinburgh', 'KTH Stockholm', 'Open University'] as const;
export const COURSE_PROVIDERS = ['Coursera', 'O\'Reilly', 'Internal Academy', 'edX'] as const;
