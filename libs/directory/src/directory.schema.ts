import { z } from 'zod';

/** The YAML file's shape (docs/contact-center-yaml.md). Objects refer to each other by name or number, not DBID. */
const name = z.string().min(1);
const dbid = z.number().int().positive().optional();

export const directoryFileSchema = z.strictObject({
  tenant: z.union([name, z.strictObject({ name, dbid })]).default('Environment'),
  switches: z
    .array(
      z.strictObject({
        name,
        dbid,
        afterCallWorkReturnsTo: z.enum(['Ready', 'NotReady']).default('Ready'),
      }),
    )
    .min(1),
  dns: z.array(
    z.strictObject({
      number: name,
      type: z.enum(['Extension', 'ACDPosition', 'ACDQueue', 'RoutingPoint', 'VirtualQueue']),
      switch: name.optional(),
      name: name.optional(),
      routeTo: name.optional(),
      dbid,
    }),
  ),
  agentLogins: z
    .array(z.strictObject({ code: name, switch: name.optional(), password: z.string().optional(), dbid }))
    .default([]),
  places: z.array(z.strictObject({ name, dns: z.array(name).default([]), dbid })).default([]),
  skills: z.array(z.union([name, z.strictObject({ name, dbid })])).default([]),
  actionCodes: z
    .array(
      z.strictObject({
        name,
        type: z.enum(['NotReady', 'Ready', 'Login', 'Logout', 'BusyOn', 'BusyOff']).default('NotReady'),
        code: z.union([name, z.number().int()]).transform(String),
        dbid,
      }),
    )
    .default([]),
  persons: z
    .array(
      z.strictObject({
        userName: name,
        firstName: z.string().default(''),
        lastName: z.string().default(''),
        employeeId: z.string().optional(),
        emailAddress: z.string().default(''),
        password: z.string().default(''),
        enabled: z.boolean().default(true),
        isAgent: z.boolean().default(true),
        isSupervisor: z.boolean().default(false),
        place: name.optional(),
        agentLogins: z
          .array(
            z.union([
              name,
              z.strictObject({
                code: z.union([name, z.number().int()]).transform(String),
                wrapUpTime: z.number().int().min(0).default(0),
              }),
            ]),
          )
          .default([]),
        skills: z.record(z.string(), z.number().int().min(0).max(10)).default({}),
        dbid,
      }),
    )
    .default([]),
  applications: z
    .array(
      z.strictObject({
        name,
        type: z.string().default('ThirdPartyServer'),
        options: z.record(z.string(), z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]))).default({}),
        dbid,
      }),
    )
    .default([]),
});

export type DirectoryFile = z.input<typeof directoryFileSchema>;
