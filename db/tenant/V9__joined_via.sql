-- How each member came: provisioning, attached (by a platform admin), invitation, domain, scim.
alter table member add column joined_via text not null default 'attached';
