import { chooseAudience, chooseOffer } from './audience';
import { decideCoverage, skuName } from './coverage';
import { sameId } from './ids';
import { clampToOffer } from './quantity';
import { businessCap, ownedPlans, rankOptions } from './rank';
import {
  audience as sayAudience,
  coverage as sayCoverage,
  fail,
  option as sayOption,
  rank as sayRank,
  seats as saySeats,
} from './reasons';
import { countSeats } from './seats';
import type { PickInput, PickResult, Reason, ReplacementOption } from './types';
import { checkInput } from './validate';

/**
 * Picks the replacement for one retiring subscription: who must move, whether anything must be
 * bought, and the ranked plans with the offer and quantity for each. Pure: the same input always
 * gives the same answer, and bad input gives a reason instead of a guess.
 */
export function pickReplacement(input: PickInput): PickResult {
  const checked = checkInput(input);
  if ('ok' in checked) return checked;
  const { retirement, offer: retired } = checked.match;

  const seats = countSeats(checked);
  if ('ok' in seats) return seats;
  const cover = decideCoverage(retirement, seats, checked.subscribedSkus, checked.userCount);
  const need = cover.seatsToBuy;
  const { audience, reasons: audienceReasons } = chooseAudience(retirement, retired, checked.customer);

  const cap = businessCap(retirement);
  const large = cap !== null && need > cap;
  const owned = ownedPlans(
    retirement,
    [seats.retiredSkuId, retired.skuId],
    checked.otherSubscriptions,
    checked.subscribedSkus,
  );
  // Workload reasons only help when plans differ in it (Dynamics); every Kaizala plan serves Kaizala.
  const workloadSplits =
    new Set(retirement.replacements.map((p) => p.servesWorkloads.includes(retired.workload))).size > 1;

  const audienceInGuide = retirement.replacements.some((p) => p.offers.some((o) => o.audience === audience));

  const items: { option: ReplacementOption; fallback: boolean }[] = [];
  const hidden: Reason[] = [];
  for (const plan of retirement.replacements) {
    const choice = chooseOffer(plan, audience, need);
    if (!choice) {
      hidden.push(
        plan.family === 'education' ? sayAudience.educationPlansHidden() : sayAudience.planHidden(plan, audience),
      );
      continue;
    }
    const { offer, fallback, tiered } = choice;
    const sameSku = [seats.retiredSkuId, retired.skuId].some((r) => plan.skuIds.some((id) => sameId(id, r)));
    const eligible = need <= offer.maxQuantity;
    // Only what is true of this plan: facts about the customer (owned plans, seat count) are said
    // once in the overall reasons, which the panel shows beside the chosen option's.
    const reasons: Reason[] = [];
    // When no plan has the audience at all, the overall reason says so once instead of on every option.
    if (fallback && audienceInGuide) reasons.push(sayOption.fallback(audience));
    if (workloadSplits) {
      reasons.push(
        plan.servesWorkloads.includes(retired.workload) ? sayOption.servesWorkload() : sayOption.alternative(),
      );
    }
    if (!eligible) reasons.push(sayOption.overMax(plan, offer.maxQuantity, need));
    else if (need > 0 && need < offer.minQuantity) reasons.push(sayOption.belowMin(offer.minQuantity, need));
    if (tiered) reasons.push(sayOption.tier(offer, Math.max(1, need)));
    if (sameSku) reasons.push(sayOption.sameSku());
    items.push({
      option: {
        plan,
        offer,
        quantity: clampToOffer(offer, need),
        eligible,
        sameSku,
        reassignNeeded: need > 0 && !sameSku,
        reasons,
      },
      fallback,
    });
  }
  if (items.length === 0) return { ok: false, code: 'no-replacement', reason: fail.noReplacement(audience) };

  const options = rankOptions(items, { retirement, workload: retired.workload, owned, large });
  const top = options[0];

  const reasons: Reason[] = [];
  if (seats.licensedUsers === 0) reasons.push(saySeats.nobody(retired));
  else if (seats.usersToMove === 0) reasons.push(saySeats.allStay(seats.licensedUsers, seats.stayingSeats));
  else if (seats.stayingSeats > 0) {
    reasons.push(saySeats.pooled(seats.licensedUsers, seats.stayingSeats, seats.usersToMove));
  } else reasons.push(saySeats.simple(retired, seats.usersToMove));

  const products = cover.by.map(skuName);
  if (cover.coveredUsers > 0 && need === 0) {
    const first = cover.by[0];
    reasons.push(
      cover.basis === 'counts' && first
        ? sayCoverage.allByCount(retired, seats.usersToMove, skuName(first), first.consumedUnits)
        : sayCoverage.allByUser(retired, seats.usersToMove, products),
    );
  } else if (cover.coveredUsers > 0) {
    reasons.push(sayCoverage.some(seats.usersToMove, cover.coveredUsers, need, products));
  }

  reasons.push(...audienceReasons);
  // One sentence for all hidden education plans, not one per plan.
  reasons.push(...hidden.filter((r, i) => hidden.findIndex((h) => h.fact === r.fact) === i));

  // "Enterprise first" says nothing when no plan can take every user; "no offer sells" says why.
  const noneEligible = top !== undefined && need > 0 && !top.eligible;
  if (noneEligible) reasons.push(sayRank.noneEligible(need));
  if (owned.length > 0) reasons.push(sayRank.affinity(owned));
  else if (large && cap !== null && !noneEligible) reasons.push(sayRank.large(need, cap));

  return {
    ok: true,
    retirement,
    retiredOffer: retired,
    audience,
    licensedUsers: seats.licensedUsers,
    usersToMove: seats.usersToMove,
    coveredUsers: cover.coveredUsers,
    seatsToBuy: need,
    purchaseNeeded: need > 0,
    reassignNeeded: top?.reassignNeeded ?? false,
    licenseCleanupNeeded: cover.coveredUsers > 0,
    options,
    reasons,
  };
}
