-- A team's budget (issue 19): an amount in an ISO 4217 currency per period. Roster records it;
-- spending is the product's business. All three parts are set together or none is.
alter table team
    add column budget_amount numeric(19, 4),
    add column budget_currency char(3),
    add column budget_period text,
    add constraint team_budget_whole check (
        (budget_amount is null) = (budget_currency is null)
        and (budget_amount is null) = (budget_period is null)),
    add constraint team_budget_period check (budget_period in ('monthly', 'quarterly', 'yearly')),
    add constraint team_budget_amount check (budget_amount >= 0);
