import { describe, expect, it } from 'vitest';
import { normalizeOfferName as n } from './normalize';

const SALES_FACULTY = 'Dynamics 365 for Sales Enterprise Edition CRMOL Basic (Qualified Offer) for Faculty';

describe('normalizeOfferName', () => {
  it('gives a readable key: lower case, no punctuation, markers appended as tags', () => {
    expect(n(SALES_FACULTY)).toBe('dynamics 365 for sales enterprise edition crmol basic #faculty');
    expect(n('Dynamics 365 for Sales Enterprise Edition Add-On for CRM Basic (Qualified Offer)')).toBe(
      'dynamics 365 for sales enterprise edition addon for crm basic',
    );
  });

  it('ignores case, spacing, Unicode width and punctuation', () => {
    const key = n('Kaizala Pro Standalone');
    expect(n('  kaizala   PRO\tstandalone ')).toBe(key);
    expect(n('Ｋａｉｚａｌａ　Ｐｒｏ Standalone')).toBe(key);
    expect(n('Kaizala Pro (Standalone)')).toBe(key);
    expect(n('Kaizala Pro — Standalone.')).toBe(key);
    expect(n('Kaizala\u00a0Pro, Standalone')).toBe(key);
    expect(n('Kaizala Pro™ Standalone')).toBe(key);
  });

  it('unifies Add-On, Add On and AddOn', () => {
    const key = n('Dynamics 365 for Sales Enterprise Edition Add-On for CRM Basic');
    expect(n('Dynamics 365 for Sales Enterprise Edition Add On for CRM Basic')).toBe(key);
    expect(n('Dynamics 365 for Sales Enterprise Edition AddOn for CRM Basic')).toBe(key);
    expect(n('Dynamics 365 for Sales Enterprise Edition add-on for CRM Basic')).toBe(key);
  });

  it('drops the qualified-offer marker in English and in the Korean guide forms', () => {
    expect(n('Dynamics 365 for Sales Enterprise Edition CRMOL Basic (Qualified Offer)')).toBe(
      n('Dynamics 365 for Sales Enterprise Edition CRMOL Basic'),
    );
    expect(n('Dynamics 365 판매 Enterprise Edition CRMOL basic (자격 갖춘된 제품)')).toBe(
      n('Dynamics 365 판매 Enterprise Edition CRMOL basic'),
    );
    expect(n('Dynamics 365 고객 참여 계획 (자격을 갖춘 제공)')).toBe(n('Dynamics 365 고객 참여 계획'));
    expect(n('Dynamics 365 고객 참여 계획 자격을 갖춘 제공')).toBe(n('Dynamics 365 고객 참여 계획'));
  });

  it('moves the audience markers to the end in a fixed order, wherever they stand', () => {
    const key = n(SALES_FACULTY);
    expect(n('Dynamics 365 for Sales Enterprise Edition CRMOL Basic for Faculty (Qualified Offer)')).toBe(key);
    expect(n('Dynamics 365 for Sales Enterprise Edition for Faculty CRMOL Basic')).toBe(key);
    expect(n('Dynamics 365 for Sales Enterprise Edition CRMOL Basic (Faculty)')).toBe(key);
    const gov = n('Dynamics 365 for Sales Enterprise Edition (Government Pricing) CRMOL Basic (Qualified Offer)');
    expect(gov).toBe('dynamics 365 for sales enterprise edition crmol basic #government');
    expect(n('Dynamics 365 for Sales Enterprise Edition CRMOL Basic (Qualified Offer) (Government Pricing)')).toBe(gov);
    expect(n('X for Students (Government Pricing)')).toBe(n('X (Government Pricing) for Students'));
    expect(n('X for Students (Government Pricing)')).toBe('x #student #government');
  });

  it('reads the Korean guide markers as the same tags', () => {
    const base = 'Dynamics 365 판매 Enterprise Edition CRMOL basic';
    for (const form of ['교직원에 대 한', '교직원 용', '교직원', '교직원에 대한']) {
      expect(n(`${form} ${base}`), form).toBe(`${n(base)} #faculty`);
      expect(n(`${base} ${form}`), form).toBe(`${n(base)} #faculty`);
    }
    for (const form of ['학생에 대 한', '학생 들을 위한', '학생']) {
      expect(n(`${form} ${base}`), form).toBe(`${n(base)} #student`);
    }
    expect(n(`${base} (정부 가격)`)).toBe(`${n(base)} #government`);
    expect(n(`Dynamics 365 판매 Enterprise Edition (정부 가격) CRMOL basic`)).toBe(`${n(base)} #government`);
  });

  it('separates Korean particles from the Latin word they follow', () => {
    expect(n('CRM Basic에 대 한 SA에서')).toBe(n('CRM Basic (자격 갖춘된 제품)에 대 한 SA 에서'));
    expect(n('CRM Basic에 대 한 SA에서')).toBe('crm basic 에 대 한 sa 에서');
  });

  it('stays strict about every product word', () => {
    const distinct = [
      'Dynamics 365 for Sales Enterprise Edition Add-On for CRM Basic (Qualified Offer)',
      'Dynamics 365 for Sales Professional Add-On for CRM Basic (Qualified Offer)',
      'Dynamics 365 for Sales Enterprise Edition Add-On for CRMOL Basic (Qualified Offer)',
      'Dynamics 365 for Customer Service Enterprise Add-On for CRM Basic (Qualified Offer)',
      'Dynamics 365 for Sales Enterprise Edition From SA for CRM Basic (Qualified Offer)',
      'Dynamics 365 for Sales Enterprise Edition CRMOL Basic (Qualified Offer)',
      'Dynamics 365 for Sales Enterprise CRMOL Professional (Qualified Offer)',
      'Dynamics 365 for Sales Enterprise Edition CRMOL Basic (Nonprofit Staff Pricing)',
      'Dynamics 365 for Sales Enterprise Edition CRMOL Basic (Qualified Offer) for Faculty',
      'Dynamics 365 for Sales Enterprise Edition CRMOL Basic (Qualified Offer) for Students',
      'Dynamics 365 for Sales Enterprise Edition (Government Pricing) CRMOL Basic (Qualified Offer)',
      'Dynamics 365 Sales Enterprise Edition CRMOL Basic',
      'Dynamics 365 Government for Sales Enterprise Edition CRMOL Basic',
      'Kaizala Pro',
      'Microsoft Kaizala Pro',
    ];
    const keys = distinct.map(n);
    expect(new Set(keys).size).toBe(distinct.length);
  });

  it('keeps Government as a product word unless it is "Government Pricing"', () => {
    expect(n('Office 365 Government E3')).toBe('office 365 government e3');
  });

  it('gives an empty key when nothing but markers is left', () => {
    expect(n('')).toBe('');
    expect(n('  ( ) - ')).toBe('');
    expect(n('(Qualified Offer) for Faculty')).toBe('');
    expect(n('교직원 (자격 갖춘된 제품)')).toBe('');
  });
});
