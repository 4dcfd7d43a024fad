{{ config(materialized='view') }}
-- Plain-English names of the metric codes, used to word the finding messages.
-- is_flow: a count over a period (a partial period cannot exceed the full year);
-- stocks (holdings, registered readers, branches, service points, population) are not.
select * from (values
    ('visits.in_person',             'In-person visits',              true,  true),
    ('visits.online',                'Online visits',                 true,  true),
    ('circulation.loans',            'Loans',                         true,  true),
    ('circulation.borrowers',        'Borrowers',                     true,  true),
    ('circulation.returns',          'Returns',                       true,  true),
    ('circulation.renewals',         'Renewals',                      true,  true),
    ('circulation.in_library_use',   'In-library uses',               true,  true),
    ('users.new_registrations',      'New library cards',             true,  true),
    ('users.registered_total',       'Registered readers',            true,  false),
    ('users.active',                 'Active readers',                true,  false),
    ('collection.total',             'Collection holdings',           true,  false),
    ('collection.added',             'Items added to the collection', true,  true),
    ('activities.events',            'Reader activities',             true,  true),
    ('activities.attendance',        'Activity attendance',           false, true),
    ('spending.total',               'Total spending',                false, true),
    ('spending.staff',               'Staff spending',                false, true),
    ('spending.operations',          'Operating spending',            false, true),
    ('spending.collections',         'Spending on acquisitions',      false, true),
    ('spending.digital',             'Spending on digital services',  false, true),
    ('spending.preservation',        'Spending on preservation',      false, true),
    ('network.branches',             'Branches',                      true,  false),
    ('network.branches_added',       'New branches',                  true,  true),
    ('network.service_points',       'Service points',                true,  false),
    ('network.service_points_added', 'New service points',            true,  true),
    ('population.served',            'Population served',             false, false)
) as t(metric, label, is_plural, is_flow)
