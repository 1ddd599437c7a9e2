/**
 * What an agent must see on each seeded customer's subscriptions page: the retiring subscription's
 * banner and the replacement the guides call for (or none at all). Written from the seed guides and
 * the picker's rules, independently of the extension's code.
 */
export const EXPECTED: Record<string, { subscription: string; recommends: string } | null> = {
  'small-business-kaizala': { subscription: 'Kaizala Pro', recommends: 'Microsoft 365 Business Basic, 25 licenses' },
  'education-kaizala': { subscription: 'Kaizala Pro', recommends: 'Microsoft 365 A1 for faculty, 26 licenses' },
  'enterprise-kaizala-1200': { subscription: 'Kaizala Pro', recommends: 'Office 365 E1, 1,200 licenses' },
  'covered-by-o365-e3': { subscription: 'Kaizala Pro', recommends: 'No purchase needed' },
  'kaizala-with-e5': { subscription: 'Kaizala Pro', recommends: 'Office 365 E5, 25 licenses' },
  'dynamics-sales-crmol-basic': {
    subscription: 'Dynamics 365 for Sales Enterprise Edition CRMOL Basic (Qualified Offer)',
    recommends: 'Dynamics 365 for Sales Professional, 18 licenses',
  },
  'dynamics-sales-from-sa': {
    subscription: 'Dynamics 365 for Sales Enterprise Edition From SA for CRM Basic (Qualified Offer)',
    recommends: 'Dynamics 365 for Sales Professional, 12 licenses',
  },
  'dynamics-sales-add-on': {
    subscription: 'Dynamics 365 for Sales Enterprise Edition Add-On for CRM Basic (Qualified Offer)',
    recommends: 'Dynamics 365 for Sales Professional, 8 licenses',
  },
  'dynamics-faculty': {
    subscription: 'Dynamics 365 for Sales Enterprise Edition CRMOL Basic (Qualified Offer) for Faculty',
    recommends: 'Dynamics 365 for Sales Professional for Faculty, 10 licenses',
  },
  'dynamics-students': {
    subscription: 'Dynamics 365 Customer Engagement Plan Enterprise Edition CRMOL Basic (Qualified Offer) for Students',
    recommends: 'Dynamics 365 Customer Engagement Plan for Students, 28 licenses',
  },
  'dynamics-government': {
    subscription: 'Dynamics 365 for Sales Enterprise Edition (Government Pricing) CRMOL Basic (Qualified Offer)',
    recommends: 'Dynamics 365 for Sales Professional (Government Pricing), 15 licenses',
  },
  'dynamics-cep': {
    subscription: 'Dynamics 365 Customer Engagement Plan Enterprise Edition CRMOL Basic (Qualified Offer)',
    recommends: 'Dynamics 365 Customer Engagement Plan, 27 licenses',
  },
  'dynamics-shared-sku': {
    subscription: 'Dynamics 365 for Sales Enterprise Edition CRMOL Basic (Qualified Offer)',
    recommends: 'Dynamics 365 for Sales Professional, 7 licenses',
  },
  'no-retirement': null,
  'korean-customer': { subscription: 'Kaizala Pro', recommends: 'Microsoft 365 Business Basic, 12 licenses' },
};
